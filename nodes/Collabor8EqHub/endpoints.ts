/** What is known of the EqHub API's paths (seed: the EqHub getting-started guide; public: see each). */

/** Every EqHub call lives below this path of the gateway (seed). */
export const EQHUB_API_ROOT = '/eqhub-m2m/eqhub-api/v1';

/** The client-credentials token endpoint; it answers 201 Created (seed). */
export const EQHUB_TOKEN_PATH = `${EQHUB_API_ROOT}/token`;

/** Product data by ID (the former TEK number), in the former EqHub's structure (seed). */
export const LEGACY_PRODUCT_PATH = '/legacy/Teknos/{id}';

/** A product image (public: the image URLs inside product details have this form). */
export const PRODUCT_IMAGE_PATH = '/product-details/{eqhubProductId}/image/{imageUuid}';
