/**
 * What the trigger keeps in the node's workflow static data between activation and
 * deactivation (n8n saves it after `create` and `delete`): the destination PostHog made, the
 * project it lives in, and the secret of its deliveries: the Standard Webhooks signing secret
 * when `signed`, else the header secret (the only kind 0.2 saved).
 */
export type HookState = {
	hogFunctionId?: string;
	projectId?: string;
	secret?: string;
	signed?: boolean;
};

export function forget(state: HookState): void {
	delete state.hogFunctionId;
	delete state.projectId;
	delete state.secret;
	delete state.signed;
}
