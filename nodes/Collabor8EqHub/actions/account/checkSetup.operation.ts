/** Check Setup: which of the node's guesses hold on this account, read-only (see checks.ts). */
import { checkSetupOperation } from '../../../shared/checkSetup';
import { checks } from '../../checks';
import { API_OVERRIDE_FIELDS } from '../../apiOverrides';
import { productDetailsEndpointField } from '../../helpers/fields';
import { eqhubService } from '../../transport';

export const { description, executeAll, ownConcurrency } = checkSetupOperation('account', eqhubService, checks, [productDetailsEndpointField], API_OVERRIDE_FIELDS);
