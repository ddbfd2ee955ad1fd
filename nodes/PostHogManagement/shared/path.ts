import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { postHogRequest } from './transport';
import { invalidParameter, requireUuid } from './validation';

const DIGITS = /^\d+$/;

type ResourceLocatorValue = { mode?: string; value?: unknown };

function projectId(context: IExecuteSingleFunctions): string {
	const id = String(
		context.getNodeParameter('projectId', undefined, { extractValue: true }) ?? '',
	).trim();
	if (!DIGITS.test(id))
		throw invalidParameter(context, 'Project', `"${id}" is not a numeric project ID`);
	return id;
}

// Short ids in insight URLs resolve to numeric ids once per execution: every item of a run
// asks for the same insight, and all items' requests start at once (n8n-conventions.md §8).
const insightIdLookups = new Map<string, Promise<string>>();
const MAX_REMEMBERED_LOOKUPS = 100;

async function findInsightByShortId(
	context: IExecuteSingleFunctions,
	project: string,
	shortId: string,
): Promise<string> {
	const page = (await postHogRequest.call(context, 'GET', `/api/projects/${project}/insights/`, {
		short_id: shortId,
		basic: true,
	})) as { results?: IDataObject[] };
	const match = page.results?.find((insight) => insight.short_id === shortId);
	if (!match) {
		throw invalidParameter(
			context,
			'Insight',
			`no insight with short ID "${shortId}" in project ${project}`,
		);
	}
	return String(match.id);
}

async function lookUpInsightId(
	context: IExecuteSingleFunctions,
	project: string,
	shortId: string,
): Promise<string> {
	// Per execution and per node: two nodes may use credentials for different PostHog hosts.
	const key = `${context.getExecutionId()}:${context.getNode().id}:${project}:${shortId}`;
	let lookup = insightIdLookups.get(key);
	if (!lookup) {
		lookup = findInsightByShortId(context, project, shortId);
		// A failed look-up is not remembered: the next item (or run) asks again.
		lookup.catch(() => insightIdLookups.delete(key));
		if (insightIdLookups.size >= MAX_REMEMBERED_LOOKUPS) insightIdLookups.clear();
		insightIdLookups.set(key, lookup);
	}
	return await lookup;
}

// PostHog's sharing routes take only the numeric id (posthog-api.md §3).
async function insightId(context: IExecuteSingleFunctions, project: string): Promise<string> {
	const locator = context.getNodeParameter('insightId', undefined, {
		extractValue: false,
	}) as ResourceLocatorValue;
	const value = String(
		context.getNodeParameter('insightId', undefined, { extractValue: true }) ?? '',
	).trim();
	if (locator?.mode === 'url') {
		if (!value || value.includes('/'))
			throw invalidParameter(
				context,
				'Insight',
				'the URL is not a PostHog insight URL (…/project/<id>/insights/<short id>)',
			);
		return await lookUpInsightId(context, project, value);
	}
	if (!DIGITS.test(value))
		throw invalidParameter(context, 'Insight', `"${value}" is not a numeric insight ID`);
	return value;
}

function passwordId(context: IExecuteSingleFunctions): string {
	const id = String(context.getNodeParameter('passwordId', '') ?? '').trim();
	if (!DIGITS.test(id))
		throw invalidParameter(context, 'Password ID', `"${id}" is not a numeric password ID`);
	return id;
}

/**
 * preSend for every operation: fills the `{projectId}`, `{insightId}`, `{fileId}` and
 * `{passwordId}` placeholders of the operation's URL from the node's parameters.
 */
export async function resolvePathParameters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	let url = requestOptions.url;
	const project = projectId(this);
	url = url.replace('{projectId}', project);
	if (url.includes('{insightId}')) url = url.replace('{insightId}', await insightId(this, project));
	if (url.includes('{fileId}'))
		url = url.replace('{fileId}', requireUuid(this, 'fileId', 'File ID', 'file system entry'));
	if (url.includes('{passwordId}')) url = url.replace('{passwordId}', passwordId(this));
	return { ...requestOptions, url };
}
