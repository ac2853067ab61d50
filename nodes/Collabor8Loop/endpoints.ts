/** What is known of the Loop API (Loop API: Getting Started; Loop API Fundamentals). */

// The credential calls these too (token, Test button), so they are defined beside it.
export { LOOP_API_ROOT, LOOP_TOKEN_PATH, SALES_PATH } from '../../credentials/common/collabor8Loop';
