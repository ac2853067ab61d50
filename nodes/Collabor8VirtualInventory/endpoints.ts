/**
 * What is known of the Virtual Inventory API (Virtual Inventory API: Getting Started; Virtual
 * Inventory API: How To Keep Your Inventory In Sync).
 */

// The credential uses these too (token request, Test button), so they are defined beside it.
export {
	ENTRA_SCOPES,
	ENTRA_TENANT_ID,
	ENTRA_TOKEN_URL,
	IMPORT_STATUS_PATH,
} from '../../credentials/common/collabor8VirtualInventory';

/** "Upload inventory import file" (the guide; the portal's operation m2mUploadInventoryImportFile). */
export const IMPORT_UPLOAD_PATH = '/v1/m2m/inventory-import/{importMode}';
