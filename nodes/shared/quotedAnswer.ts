/**
 * An answer quoted in a message built outside `answerError` (which hands its description a quote of
 * its own): the credential's secrets taken out before it is cut to length, by the same rule.
 */
import type { RequestContext, ServiceDefinition } from './request';
import { quoteWithoutSecrets, serviceSecrets } from './request';

export async function quoteAnswerWithoutSecrets(
	ctx: RequestContext,
	service: ServiceDefinition,
	itemIndex: number,
	body: unknown,
	limit = 300,
): Promise<string> {
	return quoteWithoutSecrets(body, await serviceSecrets(ctx, service, itemIndex), limit);
}
