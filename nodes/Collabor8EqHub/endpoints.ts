/** The EqHub API's documented paths (EqHub API: Getting Started; public code where said). */

// The credential calls these too (token, Test button), so they are defined beside it.
export { EQHUB_API_ROOT, EQHUB_TOKEN_PATH, LEGACY_PRODUCT_PATH } from '../../credentials/common/collabor8EqHub';

/** A product image (public: the image URLs inside product details have this form). */
export const PRODUCT_IMAGE_PATH = '/product-details/{eqhubProductId}/image/{imageUuid}';
