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
import { deliversAsExpected, destinationBody, headerSecretBody, isSigned } from './destination';
import { forget, type HookState } from './hookState';
import { kindOf } from './kinds';
import { destinationsMadeBefore } from './orphans';
import { ownerOf } from './owner';
import { newSigningSecret } from './signing';

const stateOf = (context: IHookFunctions) => context.getWorkflowStaticData('node') as HookState;

const functionsUrl = (projectId: string) => `/api/projects/${projectId}/hog_functions/`;
const functionUrl = (projectId: string, id: string) =>
	`${functionsUrl(projectId)}${encodeURIComponent(id)}/`;

/** The production URL PostHog must POST to. */
function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

/**
 * Soft-deletes a destination: `DELETE` answers 405 (docs/posthog-api-part2.md §10.4, §11). A 404
 * means it is gone already (deleted before, or never saved).
 */
async function softDelete(context: IHookFunctions, projectId: string, id: string): Promise<void> {
	try {
		await postHogRequest(context, {
			method: 'PATCH',
			url: functionUrl(projectId, id),
			body: { deleted: true, enabled: false },
		});
	} catch (error) {
		if (errorCode(error) !== '404') throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

/** Soft-deletes the destination in the state, if any, and forgets it. */
async function retire(context: IHookFunctions, state: HookState): Promise<void> {
	if (state.hogFunctionId && state.projectId) {
		await softDelete(context, state.projectId, state.hogFunctionId);
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
			url: functionUrl(projectId, state.hogFunctionId),
		});
	} catch (error) {
		if (errorCode(error) === '404') return false;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	return deliversAsExpected(hogFunction, {
		url: webhookUrlOf(this),
		subscription: kindOf(this).subscription(this),
		headerSecret: state.signed ? undefined : state.secret,
	});
}

/**
 * Makes the destination signed where PostHog can (its answer shows the signing secret kept),
 * else gives it the header secret. Returns the state to keep.
 */
async function secure(
	context: IHookFunctions,
	projectId: string,
	url: string,
	hogFunction: IDataObject,
	signingSecret: string,
): Promise<HookState> {
	const id = String(hogFunction.id);
	if (isSigned(hogFunction))
		return { hogFunctionId: id, projectId, secret: signingSecret, signed: true };
	const secret = randomBytes(24).toString('hex');
	try {
		await postHogRequest(context, {
			method: 'PATCH',
			url: functionUrl(projectId, id),
			body: headerSecretBody(url, secret),
		});
	} catch (error) {
		// leave nothing behind that could deliver without a secret
		await softDelete(context, projectId, id);
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	return { hogFunctionId: id, projectId, secret };
}

/**
 * n8n's `create`: a new destination with a new secret. On publication, what this node made
 * before goes first: the one in its static data, and any that a lost static data forgot. A
 * test listener (the editor's Execute step, mode `manual`) removes neither: the static data it sees
 * and the marker it carries may be the published destination's.
 */
async function create(this: IHookFunctions): Promise<boolean> {
	const projectId = triggerProjectId(this);
	const subscription = kindOf(this).subscription(this);
	const url = webhookUrlOf(this);
	const owner = ownerOf(this);
	const state = stateOf(this);
	const published = this.getMode() !== 'manual';
	if (published) await retire(this, state);
	else forget(state);
	try {
		const forgotten = published
			? await destinationsMadeBefore(this, functionsUrl(projectId), owner)
			: [];
		for (const orphan of forgotten) await softDelete(this, projectId, String(orphan.id));
		const signingSecret = newSigningSecret();
		const hogFunction = await postDestination(
			this,
			projectId,
			destinationBody({ url, subscription, ...owner }, signingSecret),
		);
		Object.assign(state, await secure(this, projectId, url, hogFunction, signingSecret));
	} catch (error) {
		throw explainCreateError(this, error);
	}
	return true;
}

/** n8n's `delete`, on deactivation. */
async function remove(this: IHookFunctions): Promise<boolean> {
	await retire(this, stateOf(this));
	return true;
}

export const destinationMethods = { checkExists, create, delete: remove };
