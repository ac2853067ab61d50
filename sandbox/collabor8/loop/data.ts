/** The sandbox's Loop sales: as "Loop API: Getting Started" shows one, in several statuses. */

export interface SandboxSale {
	id: string;
	status: string;
	objectInformation: Record<string, unknown>;
	saleInformation: Record<string, unknown>;
	createdAt: string;
}

const PRODUCT_CLASSES = ['Architectural', 'Mechanical', 'Electrical', 'Instrument', 'Piping'];
const SALE_STATUS_CYCLE = ['draft', 'published', 'published', 'reserved', 'sold'];

/** 23 sales by default (every status appears); more on request, for paging over many pages. */
export function initialSales(count = 23): SandboxSale[] {
	return Array.from({ length: count }, (_unused, index) => {
		const number = index + 1;
		return {
			id: `sale-${String(number).padStart(4, '0')}`,
			status: SALE_STATUS_CYCLE[index % SALE_STATUS_CYCLE.length],
			objectInformation: {
				description: number === 1 ? 'desc' : `Surplus item ${number}`,
				productClass: PRODUCT_CLASSES[index % PRODUCT_CLASSES.length],
				quantity: (index % 4) + 1,
			},
			saleInformation: { price: 1000 + number * 25, currency: 'NOK', location: 'Stavanger' },
			createdAt: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
		};
	});
}
