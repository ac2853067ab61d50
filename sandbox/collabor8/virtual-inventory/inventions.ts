/**
 * What the Virtual Inventory guide leaves open and a user corrects (the credential's API Path, or
 * its Base URL for Custom; the Upload operation's Options). By default the sandbox serves its own
 * reading (`READING`); started with inventions it serves another, so that a test shows the node
 * failing with the field to correct, then passing.
 */
export type VirtualInventoryInventions = {
	/** The part of the address between the gateway and `v1/m2m/…`: the guide writes it as "...". */
	apiPath: string;
	/** The `{importMode}` of "Step by step": the guide names the mode in words only. */
	stepByStepModeValue: string;
	/** The `{importMode}` of "Apply file without feedback". */
	applyWithoutFeedbackModeValue: string;
	/** The multipart field that carries the import file. */
	uploadFieldName: string;
	/**
	 * The file types an upload is accepted with; '' accepts any. The web page imports an Excel
	 * template, and the guide does not say which type the API wants.
	 */
	acceptedFileType: string;
};

export const READING: VirtualInventoryInventions = {
	apiPath: '/virtual-inventory-api',
	stepByStepModeValue: 'StepByStep',
	applyWithoutFeedbackModeValue: 'ApplyWithoutFeedback',
	uploadFieldName: 'file',
	acceptedFileType: '',
};

/** Another reading, different in every key. */
export const DISAGREEING: VirtualInventoryInventions = {
	apiPath: '/vi-m2m/virtual-inventory-api',
	stepByStepModeValue: 'step-by-step',
	applyWithoutFeedbackModeValue: 'apply-without-feedback',
	uploadFieldName: 'inventoryFile',
	acceptedFileType: 'application/vnd.ms-excel',
};
