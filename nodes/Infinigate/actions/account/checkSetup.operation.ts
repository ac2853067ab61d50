/** Check Setup: which of the node's guesses hold on this account, read-only (see checks.ts). */
import { checkSetupOperation } from '../../../shared/checkSetup';
import { checks } from '../../checks';
import { apiVersionOption } from '../../helpers/documentKinds';
import { quotesLocationOption } from '../../helpers/guessOptions';
import { infinigateService } from '../../transport';

export const { description, executeAll, oneItemAtATime } = checkSetupOperation('account', infinigateService, checks, [
	apiVersionOption,
	quotesLocationOption,
]);
