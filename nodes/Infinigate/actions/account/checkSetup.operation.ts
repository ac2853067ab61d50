/** Check Setup: which of the node's guesses hold on this account, read-only (see checks.ts). */
import { checkSetupOperation } from '../../../shared/checkSetup';
import { checks } from '../../checks';
import { API_OVERRIDE_FIELDS } from '../../apiOverrides';
import { apiVersionOption } from '../../helpers/documentKinds';
import { quotesLocationOption } from '../../helpers/guessOptions';
import { infinigateService } from '../../transport';

export const { description, executeAll, ownConcurrency } = checkSetupOperation('account', infinigateService, checks, [
	apiVersionOption,
	quotesLocationOption,
], API_OVERRIDE_FIELDS);
