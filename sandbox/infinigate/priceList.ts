/**
 * A deterministic price list: the same ~10,500 products on every start, across several vendors,
 * product types and end-user types. Software and subscriptions come as three products (Standard,
 * Education, Government) under one vendor SKU, as distributors sell them; hardware and services as one.
 */

export interface ListPrice {
	price: number;
	discountedPrice: number;
	discountPercent: number;
	CurrencyCode: string;
}

export interface Product {
	sku: string;
	vendorSku: string;
	productType: string;
	descriptionFullText: string;
	vendorName: string;
	priceOnRequest: boolean;
	listPrice: ListPrice;
	stockLevel: number | null;
	licenseType: string | null;
	endUserType: string;
	licenseBand: { min: number; max: number } | null;
}

/** A product as the sandbox keeps it: the vendor code is a filter key the answers do not carry. */
export interface StoredProduct {
	vendorCode: string;
	product: Product;
}

export const VENDORS = [
	{ code: 'NWN', name: 'Northwind Networks' },
	{ code: 'FBX', name: 'Firebox Security' },
	{ code: 'CLDS', name: 'Cloudshelf' },
	{ code: 'STRG', name: 'Stormgrid Storage' },
	{ code: 'BYTW', name: 'Bytewall' },
	{ code: 'LUMA', name: 'Lumaport' },
] as const;

export const PRODUCT_TYPES = ['Hardware', 'Software', 'Subscription', 'Service'] as const;
export const END_USER_TYPES = ['Standard', 'Education', 'Government'] as const;

const WORDS: Record<(typeof PRODUCT_TYPES)[number], string[]> = {
	Hardware: ['Switch 24-Port', 'Switch 48-Port PoE', 'Firewall Appliance', 'Router', 'Access Point', 'NAS Enclosure', 'SFP+ Transceiver'],
	Software: ['Endpoint Protection', 'Backup Suite', 'Email Security Gateway', 'VPN Client', 'Switch Management Software'],
	Subscription: ['Cloud Firewall Subscription', 'Threat Intelligence Feed', 'Managed Backup Storage'],
	Service: ['Support Service 1 Year', 'Installation Service', 'Extended Warranty 3 Years'],
};

const BANDS = [
	{ min: 1, max: 24 },
	{ min: 25, max: 99 },
	{ min: 100, max: 499 },
];

export const MIN_PRODUCTS = 10_500;

/** mulberry32: a tiny seeded generator, so that every start yields the same list. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SKU_SPACE = 36 ** 6;

/** Six characters like Infinigate's SKUs (U8JN1E); a bijection of the index, so never a duplicate. */
function skuOf(index: number): string {
	return ((index * 1_000_003 + 377_777_777) % SKU_SPACE).toString(36).toUpperCase().padStart(6, '0');
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function generatePriceList(): StoredProduct[] {
	const next = random(20230401);
	const products: StoredProduct[] = [];
	for (let family = 0; products.length < MIN_PRODUCTS; family++) {
		const vendor = VENDORS[family % VENDORS.length];
		const productType = PRODUCT_TYPES[Math.floor(next() * PRODUCT_TYPES.length)];
		const words = WORDS[productType];
		const word = words[Math.floor(next() * words.length)];
		const model = `${word.replace(/[^A-Z0-9]/gi, '').slice(0, 3).toUpperCase()}${String(family).padStart(5, '0')}`;
		const vendorSku = `${vendor.code}-${model}`;
		const basePrice = round2(10 + next() * 4990);
		const discountPercent = Math.floor(next() * 36);
		const priceOnRequest = next() < 0.02;
		const licensed = productType === 'Software' || productType === 'Subscription';
		const band = licensed ? BANDS[Math.floor(next() * BANDS.length)] : null;
		const endUserTypes = licensed ? END_USER_TYPES : (['Standard'] as const);
		for (const endUserType of endUserTypes) {
			const factor = endUserType === 'Education' ? 0.6 : endUserType === 'Government' ? 0.85 : 1;
			const price = priceOnRequest ? 0 : round2(basePrice * factor);
			const suffix = endUserType === 'Standard' ? '' : endUserType === 'Education' ? ' EDU' : ' GOV';
			products.push({
				vendorCode: vendor.code,
				product: {
					sku: skuOf(products.length),
					vendorSku,
					productType,
					descriptionFullText: `${vendor.name} ${word} ${model}${suffix}`,
					vendorName: vendor.name,
					priceOnRequest,
					listPrice: {
						price,
						discountedPrice: priceOnRequest ? 0 : round2(price * (1 - discountPercent / 100)),
						discountPercent: priceOnRequest ? 0 : discountPercent,
						CurrencyCode: 'EUR',
					},
					stockLevel: productType === 'Hardware' ? Math.floor(next() * 500) : null,
					licenseType: productType === 'Software' ? 'Perpetual' : productType === 'Subscription' ? 'Subscription' : null,
					endUserType,
					licenseBand: band,
				},
			});
		}
	}
	return products;
}
