/**
 * What public evidence leaves open about EqHub and a user corrects (the Get and Download Image
 * operations' Options → Product Details Address). By default the sandbox serves its own reading
 * (`READING`); started with inventions it serves another, so that a test shows the node failing
 * with the field to correct, then passing.
 */
export type EqHubInventions = {
	/**
	 * Where a product's JSON document is served, `{eqhubProductId}` standing for its ID: public code
	 * shows only the image URLs below `/product-details/{id}`.
	 */
	productDetailsPath: string;
};

export const READING: EqHubInventions = {
	productDetailsPath: '/product-details/{eqhubProductId}',
};

/** Another reading, different in every key. */
export const DISAGREEING: EqHubInventions = {
	productDetailsPath: '/products/{eqhubProductId}/details',
};
