import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { checkGroupTypeIndex, requireText } from '../../shared/validation';

/** preSend: `?group_type_index=` from the Group Type parameter, checked to be 0–4. */
export async function sendGroupTypeIndex(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const group_type_index = checkGroupTypeIndex(this);
	return { ...requestOptions, qs: { ...requestOptions.qs, group_type_index } };
}

/** preSend: `?group_type_index=&group_key=`, which name one group on PostHog's group actions. */
export async function sendGroupIdentity(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const group_type_index = checkGroupTypeIndex(this);
	const group_key = requireText(this, 'groupKey', 'Group Key');
	return { ...requestOptions, qs: { ...requestOptions.qs, group_type_index, group_key } };
}
