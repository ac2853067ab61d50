/**
 * The EqHub API behind the Collabor8 gateway, as "EqHub API: Getting Started" shows it: a
 * client-credentials token from the gateway, then product data with that token. Product documents
 * and images follow public code that calls the live API.
 */
import type { Handler, SandboxServer } from '../../core/server';
import { inventionsFor } from '../../core/inventions';
import type { SandboxOptions, SandboxService } from '../../core/service';
import { COLLABOR8_ACCOUNTS, DEFAULT_TOKEN_LIFETIME_SECONDS, GATEWAY_PREFIX, json, routeOf, TokenStore, tokenEndpoint } from '../gateway';
import { sandboxProducts } from './data';
import type { SandboxProduct } from './data';
import { DISAGREEING, READING } from './inventions';

export const EQHUB_SERVICE = 'collabor8EqHub';

/**
 * "token_url: https://apis-test-vi.collabor8.no/eqhub-m2m/eqhub-api/v1/token"; every other endpoint
 * of the guide lives below the same `…/eqhub-api/v1`.
 */
const API_ROOT = '/eqhub-m2m/eqhub-api/v1';

/** What EqHub holds: the tokens it issued and their lifetime. */
export class EqHubState {
	readonly tokens = new TokenStore();

	tokenLifetimeSeconds: number;

	constructor(private readonly options: SandboxOptions) {
		this.tokenLifetimeSeconds = this.initialLifetime();
	}

	private initialLifetime(): number {
		return this.options.tokenLifetimeSeconds?.eqhub ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
	}

	reset(): void {
		this.tokens.revokeAll();
		this.tokenLifetimeSeconds = this.initialLifetime();
	}
}

function install(server: SandboxServer, options: SandboxOptions): EqHubState {
	const state = new EqHubState(options);
	const reading = { ...READING, ...inventionsFor(options.inventions, 'eqhub', DISAGREEING) };
	const products = sandboxProducts();
	const gatewayRoot = (): string => `${server.url}/${GATEWAY_PREFIX}`;
	const byId = (id: string): SandboxProduct | undefined => products.find((product) => product.eqhubProductId === id);
	const get = (path: string, handler: Handler): void => server.route(EQHUB_SERVICE, 'GET', path, state.tokens.guard(handler));

	server.mount(EQHUB_SERVICE, `${GATEWAY_PREFIX}${API_ROOT}`, () => state.reset());

	// "To get the authorization token, please perform POST request with token_url, client_id and
	// client_secret": the same form and 201 Created as the Loop guide shows for the Loop token.
	server.route(
		EQHUB_SERVICE,
		'POST',
		'/token',
		tokenEndpoint(state.tokens, COLLABOR8_ACCOUNTS.eqhub, () => state.tokenLifetimeSeconds, 201),
	);

	// "request product data by ID (former TEK number) with the endpoint:
	// https://apis-test-vi.collabor8.no/eqhub-m2m/eqhub-api/v1/legacy/Teknos/{id}"
	get('/legacy/Teknos/:id', (request) => {
		const product = products.find((candidate) => candidate.tekNumber === request.params.id);
		if (!product?.legacy) return json(404, { statusCode: 404, message: `Product with ID '${request.params.id}' was not found.` });
		return json(200, product.legacy);
	});

	// INVENTED: public code shows only the image URLs below this path; the sandbox serves the
	// product document itself at their parent (or where its inventions say).
	get(routeOf(reading.productDetailsPath), (request) => {
		const product = byId(request.params.eqhubProductId);
		if (!product) {
			return json(404, { statusCode: 404, message: `Product '${request.params.eqhubProductId}' was not found.` });
		}
		return json(200, product.document(gatewayRoot()));
	});

	// Public: the image URLs inside a product document have this form.
	get('/product-details/:eqhubProductId/image/:imageUuid', (request) => {
		const image = byId(request.params.eqhubProductId)?.images.find((candidate) => candidate.uuid === request.params.imageUuid);
		if (!image) return json(404, { statusCode: 404, message: 'Image was not found.' });
		const headers: Record<string, string> = { 'Content-Type': image.contentType };
		if (image.fileName) {
			headers['Content-Disposition'] =
				`inline; filename="${image.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(image.fileName)}`;
		}
		return { status: 200, headers, body: image.bytes };
	});

	return state;
}

export const eqhubService: SandboxService<EqHubState> = {
	name: EQHUB_SERVICE,
	install,
	credentials: (server) => ({
		collabor8EqHubApi: { environment: 'custom', baseUrl: `${server.url}/${GATEWAY_PREFIX}`, ...COLLABOR8_ACCOUNTS.eqhub },
	}),
};
