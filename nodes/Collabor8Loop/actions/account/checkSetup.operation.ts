/** Check Setup: which of the node's guesses hold on this account, read-only (see checks.ts). */
import { guessedEndpointField } from '../../../shared/collabor8GatewayService';
import { checkSetupOperation } from '../../../shared/checkSetup';
import { checks } from '../../checks';
import { API_OVERRIDE_FIELDS } from '../../apiOverrides';
import { SALE_PATH } from '../../guesses';
import { totalFieldsOption } from '../../helpers/paging';
import { loopService } from '../../transport';

export const { description, executeAll, ownConcurrency } = checkSetupOperation('account', loopService, checks, [
	guessedEndpointField({ displayName: 'Sale Address', name: 'saleEndpoint', default: SALE_PATH, serves: 'one sale' }),
	totalFieldsOption,
], API_OVERRIDE_FIELDS);
