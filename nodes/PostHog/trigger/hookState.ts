/**
 * What the trigger keeps in the node's workflow static data between activation and
 * deactivation (n8n saves it after `create` and `delete`): the destination PostHog made, the
 * project it lives in, and the secret its deliveries carry.
 */
export type HookState = {
	hogFunctionId?: string;
	projectId?: string;
	secret?: string;
};

export function forget(state: HookState): void {
	delete state.hogFunctionId;
	delete state.projectId;
	delete state.secret;
}
