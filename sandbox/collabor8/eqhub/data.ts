/**
 * The sandbox's EqHub products: a pump with two images, a valve without any, and a sensor whose
 * product document lacks some fields, each with its former TEK number and a legacy answer.
 */

/** A 1×1 PNG and a tiny JPEG header-only stand-in: real image bytes, small enough to compare. */
export const PNG_IMAGE = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

export const JPEG_IMAGE = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
	Buffer.alloc(64, 0x20),
	Buffer.from([0xff, 0xd9]),
]);

export interface SandboxImage {
	uuid: string;
	isMain: boolean;
	contentType: string;
	/** Sent as Content-Disposition when present. */
	fileName?: string;
	bytes: Buffer;
}

export interface SandboxProduct {
	eqhubProductId: string;
	/** The former TEK number, when the product has one. */
	tekNumber?: string;
	images: SandboxImage[];
	document(gatewayRoot: string): Record<string, unknown>;
	legacy?: Record<string, unknown>;
}

function imageUrls(gatewayRoot: string, productId: string, images: SandboxImage[]) {
	return images.map((image) => ({
		url: `${gatewayRoot}/eqhub-m2m/eqhub-api/v1/product-details/${productId}/image/${image.uuid}`,
		isMain: image.isMain,
	}));
}

function numerical(name: string, value: number, symbol?: string) {
	return {
		propertyRequirement: { name, isMandatory: true },
		data: { name, type: 'numerical', numericalValue: value, uomData: symbol ? { name: symbol, symbol } : null },
	};
}

function text(name: string, value: string) {
	return { propertyRequirement: { name, isMandatory: false }, data: { name, type: 'text', textValue: value, uomData: null } };
}

function range(name: string, lower: string, upper: string, symbol: string) {
	return {
		propertyRequirement: { name, isMandatory: false },
		data: { name, type: 'range', textValueLower: lower, textValueUpper: upper, uomData: { name: symbol, symbol } },
	};
}

const PUMP_ID = '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90';
const VALVE_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const SENSOR_ID = 'c0ffee00-1234-4abc-9def-00000000beef';

const PUMP_IMAGES: SandboxImage[] = [
	{ uuid: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', isMain: false, contentType: 'image/jpeg', bytes: JPEG_IMAGE },
	{
		uuid: 'a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d',
		isMain: true,
		contentType: 'image/png',
		fileName: 'AP-200 centrifugal pump.png',
		bytes: PNG_IMAGE,
	},
];

export function sandboxProducts(): SandboxProduct[] {
	return [
		{
			eqhubProductId: PUMP_ID,
			tekNumber: '100234',
			images: PUMP_IMAGES,
			document: (root) => ({
				id: 48213,
				data: {
					uuid: PUMP_ID,
					status: 'Approved',
					type: 'Product',
					productRevisionWebUrl: `https://eqhub.example/products/${PUMP_ID}/revisions/3`,
					data: {
						eqhubProductId: PUMP_ID,
						eqhubProductVersion: 3,
						manufacturerId: 'MFR-0042',
						manufacturerName: 'Aker Pumps AS',
						partNumber: 'AP-200-CF',
						partNumberAliases: ['AP200CF', 'AP-200'],
						requirementsClass: { code: 'RC-PUMP-CENTRIFUGAL', name: 'Centrifugal pump' },
						modelNumber: 'AP-200',
						gtinNumber: '07038010012345',
						unspscCategories: [{ code: '40151500', name: 'Pumps' }],
						description: 'Centrifugal pump, horizontal, end suction',
						images: imageUrls(root, PUMP_ID, PUMP_IMAGES),
						isLastVersion: true,
					},
					properties: [
						numerical('Rated flow', 120, 'm3/h'),
						numerical('Impeller diameter', 250, 'mm'),
						numerical('Number of stages', 1),
						text('Casing material', 'Duplex stainless steel'),
						range('Operating temperature', '-20', '120', '°C'),
						text('Certification', 'ATEX'),
						text('Certification', 'NORSOK M-650'),
					],
					documentsRegistrations: [{ documentType: 'Datasheet', fileName: 'AP-200 datasheet.pdf' }],
					statusChangeHistory: [{ status: 'Approved', changedAt: '2024-03-05T10:12:00Z' }],
				},
			}),
			legacy: {
				TekNo: '100234',
				Manufacturer: 'Aker Pumps AS',
				ManufacturerPartNo: 'AP-200-CF',
				Description: 'Centrifugal pump, horizontal, end suction',
				Class: 'Centrifugal pump',
				Attributes: [
					{ Name: 'Rated flow', Value: '120', Unit: 'm3/h' },
					{ Name: 'Casing material', Value: 'Duplex stainless steel', Unit: '' },
				],
			},
		},
		{
			eqhubProductId: VALVE_ID,
			tekNumber: '204518',
			images: [],
			document: () => ({
				id: 51877,
				data: {
					uuid: VALVE_ID,
					status: 'Approved',
					type: 'Product',
					productRevisionWebUrl: `https://eqhub.example/products/${VALVE_ID}/revisions/1`,
					data: {
						eqhubProductId: VALVE_ID,
						eqhubProductVersion: 1,
						manufacturerId: 'MFR-0107',
						manufacturerName: 'Nordic Valves',
						partNumber: 'BV-2-316',
						partNumberAliases: [],
						requirementsClass: { code: 'RC-VALVE-BALL', name: 'Ball valve' },
						modelNumber: 'BV-2',
						gtinNumber: null,
						unspscCategories: [],
						description: 'Ball valve 2", stainless steel 316',
						images: [],
						isLastVersion: true,
					},
					properties: [numerical('Nominal size', 50, 'mm'), range('Pressure rating', '10', '40', 'bar')],
					documentsRegistrations: [],
					statusChangeHistory: [],
				},
			}),
			legacy: {
				TekNo: '204518',
				Manufacturer: 'Nordic Valves',
				ManufacturerPartNo: 'BV-2-316',
				Description: 'Ball valve 2", stainless steel 316',
				Class: 'Ball valve',
				Attributes: [{ Name: 'Nominal size', Value: '50', Unit: 'mm' }],
			},
		},
		{
			eqhubProductId: SENSOR_ID,
			tekNumber: '100235',
			legacy: {
				TekNo: '100235',
				Manufacturer: 'Sensorteknikk',
				ManufacturerPartNo: 'PT-10',
				Description: 'Pressure transmitter',
				Class: 'Pressure transmitter',
				Attributes: [{ Name: 'Measuring range', Value: '0-400', Unit: 'bar' }],
			},
			images: [
				{ uuid: 'e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9', isMain: true, contentType: 'image/jpeg', bytes: JPEG_IMAGE },
			],
			document: (root) => ({
				id: 60021,
				data: {
					uuid: SENSOR_ID,
					status: 'Draft',
					type: 'Product',
					productRevisionWebUrl: `https://eqhub.example/products/${SENSOR_ID}/revisions/1`,
					data: {
						eqhubProductId: SENSOR_ID,
						eqhubProductVersion: 1,
						manufacturerName: 'Sensorteknikk',
						partNumber: 'PT-10',
						description: 'Pressure transmitter',
						images: imageUrls(root, SENSOR_ID, [
							{ uuid: 'e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9', isMain: true, contentType: 'image/jpeg', bytes: JPEG_IMAGE },
						]),
						isLastVersion: true,
					},
					properties: [numerical('Measuring range', 400, 'bar')],
				},
			}),
		},
	];
}
