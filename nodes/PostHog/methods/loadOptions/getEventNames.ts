import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { eachOffsetPage } from '../../shared/pages';
import { currentProjectId, hasProject } from '../../shared/project';

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
	const url = `/api/projects/${projectId}/event_definitions/`;
	await eachOffsetPage(this, { url, qs: { event_type: 'event', exclude_hidden: true } }, (rows) => {
		for (const definition of rows) {
			const name = String(definition.name);
			options.push({
				name,
				value: name,
				description: definition.last_seen_at
					? `Last seen ${String(definition.last_seen_at).slice(0, 10)}`
					: undefined,
			});
		}
		return options.length < MAX_EVENTS;
	});
	return options.slice(0, MAX_EVENTS);
}
