import {
	NodeApiError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import { errorBodyOf } from '../../transport/errors';
import { sendRoutedRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';
import { optionsField, propertiesField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { readProperties } from '../shared/properties';
import { groupKeyField } from './fields';
import { findGroupRequest, sendGroupIdentity } from './identity';

const detailOf = (error: unknown) => String(errorBodyOf(error).detail ?? '');

/** `find` answers a bare 404 for a group that does not exist (not "Project not found."). */
const isMissingGroup = (error: unknown) =>
	errorCode(error) === '404' && !/project/i.test(detailOf(error));

/**
 * The group exists after all: another run created it between find and create (400 "A group
 * with this key already exists"), or PostHog saved it and then failed to send its
 * `$groupidentify` event (docs/posthog-api-part2.md §2: continue with updates, not a create).
 */
const existsAfterFailedCreate = (error: unknown) =>
	(errorCode(error) === '400' && /already exists/i.test(detailOf(error))) ||
	errorBodyOf(error).type === 'capture_http_error';

/**
 * Create or update (docs/posthog-api-part2.md §2): `find`; a missing group is created with its
 * properties, an existing one gets one `update_property` per property. Output: the group as
 * PostHog last returned it.
 */
async function upsertGroup(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const properties = readProperties(this);
	const findUrl = requestData.options.url ?? '';
	const groupsUrl = findUrl.replace(/find\/$/, '');
	const { group_type_index, group_key } = (requestData.options.qs ?? {}) as IDataObject;
	const send = async (
		method: IHttpRequestMethods,
		url: string,
		qs: IDataObject,
		body?: IDataObject,
	) => {
		const options = { ...requestData.options, method, url, qs, body };
		if (body === undefined) delete options.body;
		return await sendRoutedRequest.call(this, { ...requestData, options });
	};
	const find = async () => await send('GET', findUrl, requestData.options.qs ?? {});
	const updateEach = async (group: INodeExecutionData[]) => {
		let last = group;
		for (const { key, value } of properties) {
			last = await send('POST', `${groupsUrl}update_property/`, { group_type_index, group_key }, {
				key,
				value,
			} as IDataObject);
		}
		return last;
	};

	let found: INodeExecutionData[] | undefined;
	try {
		found = await find();
	} catch (error) {
		if (!isMissingGroup(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	if (found) return await updateEach(found);
	try {
		const group_properties = Object.fromEntries(properties.map(({ key, value }) => [key, value]));
		return await send('POST', groupsUrl, {}, { group_type_index, group_key, group_properties });
	} catch (error) {
		if (!existsAfterFailedCreate(error)) {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
	return properties.length > 0 ? await updateEach([]) : await find();
}

export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a group',
	// n8n's wording for every upsert; an existing group costs one request per property.
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: findGroupRequest(),
		send: { preSend: [sendGroupIdentity] },
		operations: sendsOwnRequests(upsertGroup),
	},
};

export const toolDescription =
	'Create a group with its properties, or set them on it when the group (type index 0 to 4 and key) exists. Returns the group. Values written as JSON are stored as JSON.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['upsert'] } },
	[groupTypeIndexField(), groupKeyField(), propertiesField(), optionsField()],
);
