/**
 * An answer quoted in an error, with the credential's secrets taken out before it is cut to length.
 * Redacting after the cut misses a secret cut in half: an answer that echoes the request would show
 * most of the bearer token (quoteAnswer's cut falls inside it), and no longer the whole one that
 * redaction looks for.
 */
import { redactDeep } from '../../lib/redact';
import type { RequestContext, ServiceDefinition } from './request';
import { quoteAnswer, serviceSecrets } from './request';

export async function quoteAnswerWithoutSecrets(
	ctx: RequestContext,
	service: ServiceDefinition,
	itemIndex: number,
	body: unknown,
	limit = 300,
): Promise<string> {
	return quoteAnswer(redactDeep(body, await serviceSecrets(ctx, service, itemIndex)), limit);
}
