import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { triggerGroupTypeIndex } from '../shared/groupType';
import { type Page, queryParameterOf } from '../shared/pages';
import { triggerProjectId } from '../shared/project';
import { postHogRequest } from '../transport/request';
import { NEW_GROUP } from './fields';

export type ListPage = { rows: IDataObject[]; next?: string };

/** A PostHog list that is read newest first, one page at a time. */
export type ListSource = {
	/** What is watched; state saved while watching something else is not reused. */
	id: string;
	/** What one row is, for messages: "group of this type" or "person". */
	noun: string;
	keyOf: (row: IDataObject) => string;
	/** A page; `next` is the token of the following page, absent on the last one. */
	fetch: (next?: string) => Promise<ListPage>;
};

const PERSONS_PAGE_SIZE = 100;

/**
 * `GET groups/?group_type_index=N`: newest first, 100 a page, a keyset `cursor` read out of
 * `next` rather than following that URL (docs/posthog-api-part2.md §1.1, posthog-api.md §2.1).
 */
function groups(context: IPollFunctions, projectId: string, groupTypeIndex: number): ListSource {
	return {
		id: `groups:${projectId}:${groupTypeIndex}`,
		noun: 'group of this type',
		keyOf: (row) => String(row.group_key),
		fetch: async (cursor) => {
			const page = await postHogRequest<Page>(context, {
				method: 'GET',
				url: `/api/projects/${projectId}/groups/`,
				qs: { group_type_index: groupTypeIndex, ...(cursor ? { cursor } : {}) },
			});
			return { rows: page.results ?? [], next: queryParameterOf(page.next, 'cursor') };
		},
	};
}

/**
 * `GET persons/?limit&offset`: newest first (`created_at DESC`). `next` is set on every full page,
 * so the page after a full last one is empty (docs/posthog-api-part2.md §3). Keyed on `uuid`.
 */
function persons(context: IPollFunctions, projectId: string): ListSource {
	return {
		id: `persons:${projectId}`,
		noun: 'person',
		keyOf: (row) => String(row.uuid ?? row.id),
		fetch: async (next) => {
			const offset = Number(next ?? 0);
			const page = await postHogRequest<Page>(context, {
				method: 'GET',
				url: `/api/projects/${projectId}/persons/`,
				qs: { limit: PERSONS_PAGE_SIZE, offset },
			});
			const rows = page.results ?? [];
			const full = Boolean(page.next) && rows.length >= PERSONS_PAGE_SIZE;
			return { rows, next: full ? String(offset + PERSONS_PAGE_SIZE) : undefined };
		},
	};
}

/** The list the node's parameters watch. */
export function listSourceFor(context: IPollFunctions): ListSource {
	const projectId = triggerProjectId(context);
	if (context.getNodeParameter('event') === NEW_GROUP) {
		return groups(context, projectId, triggerGroupTypeIndex(context));
	}
	return persons(context, projectId);
}
