import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';

export const CREDENTIAL_TYPE = 'postHogManagementApi';

type CredentialReader = {
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string): Promise<T>;
};

/** The PostHog host the node's credential points at, e.g. `https://us.posthog.com`. */
export async function postHogHostOf(context: CredentialReader): Promise<string> {
	return postHogBaseUrl(await context.getCredentials(CREDENTIAL_TYPE));
}
