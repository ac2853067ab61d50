/** What is known of the Virtual Inventory API (seed: the Virtual Inventory guides). */

/** Virtual Inventory's accounts live in this Microsoft Entra ID directory (seed). */
export const ENTRA_TENANT_ID = '4d1df598-ac19-4734-86f0-8a645992dfa1';

export const ENTRA_TOKEN_URL = `https://login.microsoftonline.com/${ENTRA_TENANT_ID}/oauth2/v2.0/token`;

/** The scope of each environment's API application (seed). */
export const ENTRA_SCOPES = {
	test: 'api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default',
	production: 'api://2f731f1f-72e6-4998-8854-d026d5ccb151/.default',
} as const;

/** "Get inventory import state": `isImportAllowed` and more (seed). */
export const IMPORT_STATUS_PATH = '/v1/m2m/inventory-import/status';

/** "Upload inventory import file" (seed; the portal's operation m2mUploadInventoryImportFile). */
export const IMPORT_UPLOAD_PATH = '/v1/m2m/inventory-import/{importMode}';
