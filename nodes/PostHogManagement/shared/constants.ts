export const CREDENTIAL_TYPE = 'postHogManagementApi';
