import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { type Page, queryParameterOf } from '../../shared/pages';
import { currentProjectId, hasProject } from '../../shared/project';
import { postHogRequest } from '../../transport/request';

/** A dropdown has no pages: the events seen most recently, up to this many, are offered. */
const MAX_EVENTS = 1000;

/**
 * The events PostHog has seen in the project, as its own event picker lists them: event
 * definitions of every kind, hidden ones left out, most recently seen first, 100 a page
 * (docs/instant-trigger.md §6). Valued by name, which is what the destination filters on.
 */
export async function getEventNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!hasProject(this)) return [];
	const projectId = currentProjectId(this);
	const options: INodePropertyOptions[] = [];
	let offset: string | undefined = '0';
	while (offset !== undefined && options.length < MAX_EVENTS) {
		const page: Page = await postHogRequest<Page>(this, {
			method: 'GET',
			url: `/api/projects/${projectId}/event_definitions/`,
			qs: { event_type: 'event', exclude_hidden: true, limit: 100, offset },
		});
		for (const definition of page.results ?? []) {
			const name = String(definition.name);
			options.push({
				name,
				value: name,
				description: definition.last_seen_at
					? `Last seen ${String(definition.last_seen_at).slice(0, 10)}`
					: undefined,
			});
		}
		offset = queryParameterOf(page.next, 'offset');
	}
	return options.slice(0, MAX_EVENTS);
}
