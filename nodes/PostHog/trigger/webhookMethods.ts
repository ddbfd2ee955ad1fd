import { randomBytes } from 'crypto';
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { triggerProjectId } from '../shared/project';
import { errorBodyOf } from '../transport/errors';
import { postHogRequest } from '../transport/request';
import { errorCode } from '../transport/retry';
import { explainCreateError } from './createErrors';
import { deliversAsExpected, destinationBody } from './destination';
import { eventNamesOf } from './fields';
import { forget, type HookState } from './hookState';

const MAX_NAME_LENGTH = 400;

const stateOf = (context: IHookFunctions) => context.getWorkflowStaticData('node') as HookState;

const functionsUrl = (projectId: string) => `/api/projects/${projectId}/hog_functions/`;

/** The production URL PostHog must POST to. */
function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

/** Says which n8n workflow owns the destination, in PostHog's list of destinations. */
function ownerOf(context: IHookFunctions): { name: string; description: string } {
	const workflow = context.getWorkflow();
	const node = context.getNode();
	const workflowName = workflow.name ?? 'unnamed';
	return {
		name: `n8n: ${workflowName} (workflow ${workflow.id})`.slice(0, MAX_NAME_LENGTH),
		description:
			`Managed by n8n: made by the node “${node.name}” of the workflow “${workflowName}” (ID ${workflow.id}), ` +
			`and deleted when that workflow is deactivated. n8n-ref:${workflow.id}:${node.webhookId ?? node.id}`,
	};
}

/**
 * Soft-deletes the destination in the state, if any: `DELETE` answers 405 (§10.4, §11). A 404
 * means it is gone already (deleted before, or never saved).
 */
async function retire(context: IHookFunctions, state: HookState): Promise<void> {
	if (state.hogFunctionId && state.projectId) {
		try {
			await postHogRequest(context, {
				method: 'PATCH',
				url: `${functionsUrl(state.projectId)}${encodeURIComponent(state.hogFunctionId)}/`,
				body: { deleted: true, enabled: false },
			});
		} catch (error) {
			if (errorCode(error) !== '404')
				throw new NodeApiError(context.getNode(), error as JsonObject);
		}
	}
	forget(state);
}

/**
 * `POST hog_functions/`. A server that insists on `hog` (400 on `hog`) gets the template's code
 * (docs/posthog-api-part2.md §10.3 field notes).
 */
async function postDestination(
	context: IHookFunctions,
	projectId: string,
	body: IDataObject,
): Promise<IDataObject> {
	const post = async (sent: IDataObject) =>
		await postHogRequest(context, { method: 'POST', url: functionsUrl(projectId), body: sent });
	try {
		return await post(body);
	} catch (error) {
		if (errorCode(error) !== '400' || errorBodyOf(error).attr !== 'hog') {
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		const template = await postHogRequest(context, {
			method: 'GET',
			url: `/api/projects/${projectId}/hog_function_templates/template-webhook/`,
		});
		return await post({ ...body, hog: template.code });
	}
}

/** n8n's `checkExists`: the stored destination is there, enabled, and delivers here. */
async function checkExists(this: IHookFunctions): Promise<boolean> {
	const state = stateOf(this);
	const projectId = triggerProjectId(this);
	if (!state.hogFunctionId || !state.secret || state.projectId !== projectId) return false;
	let hogFunction: IDataObject;
	try {
		hogFunction = await postHogRequest(this, {
			method: 'GET',
			url: `${functionsUrl(projectId)}${encodeURIComponent(state.hogFunctionId)}/`,
		});
	} catch (error) {
		if (errorCode(error) === '404') return false;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	return deliversAsExpected(hogFunction, {
		url: webhookUrlOf(this),
		secret: state.secret,
		eventNames: eventNamesOf(this),
	});
}

/** n8n's `create`: a new destination with a new secret; a stale one this node made goes first. */
async function create(this: IHookFunctions): Promise<boolean> {
	const projectId = triggerProjectId(this);
	const eventNames = eventNamesOf(this);
	const url = webhookUrlOf(this);
	const state = stateOf(this);
	await retire(this, state);
	const secret = randomBytes(24).toString('hex');
	let hogFunction: IDataObject;
	try {
		hogFunction = await postDestination(
			this,
			projectId,
			destinationBody({ url, secret, eventNames, ...ownerOf(this) }),
		);
	} catch (error) {
		throw explainCreateError(this, error);
	}
	state.hogFunctionId = String(hogFunction.id);
	state.projectId = projectId;
	state.secret = secret;
	return true;
}

/** n8n's `delete`, on deactivation. */
async function remove(this: IHookFunctions): Promise<boolean> {
	await retire(this, stateOf(this));
	return true;
}

export const destinationMethods = { checkExists, create, delete: remove };
