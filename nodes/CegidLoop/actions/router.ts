/** Sends each execution to the operation the user picked. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { routeOperation } from '../../shared/operations';
import * as account from './account';
import * as ledgerAccount from './ledgerAccount';
import * as accountingEntry from './accountingEntry';
import * as agency from './agency';
import * as analyticSection from './analyticSection';
import * as client from './client';
import * as collaborativeOffer from './collaborativeOffer';
import * as company from './company';
import * as customer from './customer';
import * as engagement from './engagement';
import * as establishment from './establishment';
import * as folder from './folder';
import * as journal from './journal';
import * as staff from './staff';
import * as workgroup from './workgroup';

export const resources = {
	company,
	collaborativeOffer,
	client,
	folder,
	// The firm's and its folders' data, as Cegid Developers' Loop API management docs document it.
	staff,
	agency,
	workgroup,
	engagement,
	analyticSection,
	establishment,
	ledgerAccount,
	journal,
	customer,
	accountingEntry,
	account,
};

const operations: OperationsByResource = {
	company: company.operations,
	collaborativeOffer: collaborativeOffer.operations,
	client: client.operations,
	folder: folder.operations,
	staff: staff.operations,
	agency: agency.operations,
	workgroup: workgroup.operations,
	engagement: engagement.operations,
	analyticSection: analyticSection.operations,
	establishment: establishment.operations,
	ledgerAccount: ledgerAccount.operations,
	journal: journal.operations,
	customer: customer.operations,
	accountingEntry: accountingEntry.operations,
	account: account.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
