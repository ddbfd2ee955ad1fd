import type {
	DeclarativeRestApiSettings,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { groupTypeIndexOf } from '../../shared/groupType';
import { requireText } from '../../shared/validation';

/** preSend: `?group_type_index=` from the Group Type parameter, checked to be 0–4. */
export async function sendGroupTypeIndex(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const group_type_index = groupTypeIndexOf(this);
	return { ...requestOptions, qs: { ...requestOptions.qs, group_type_index } };
}

/** preSend: `?group_type_index=&group_key=`, which name one group on PostHog's group actions. */
export async function sendGroupIdentity(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const group_type_index = groupTypeIndexOf(this);
	const group_key = requireText(this, 'groupKey', 'Group Key');
	return { ...requestOptions, qs: { ...requestOptions.qs, group_type_index, group_key } };
}

/**
 * PostHog's look-up of one group, named by `sendGroupIdentity`. skip_create_notebook=true:
 * otherwise PostHog may create a notebook as a side effect (docs/posthog-api.md §2.5).
 */
export function findGroupRequest(): DeclarativeRestApiSettings.HttpRequestOptions {
	return {
		method: 'GET',
		url: '/api/projects/{projectId}/groups/find/',
		qs: { skip_create_notebook: true },
	};
}
