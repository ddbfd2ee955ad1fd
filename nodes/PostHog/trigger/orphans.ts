import { NodeApiError, type IDataObject, type IHookFunctions, type JsonObject } from 'n8n-workflow';
import { eachOffsetPage } from '../shared/pages';
import { errorCode } from '../transport/retry';
import { carriesMarker, type Owner } from './owner';

/**
 * The destinations this trigger node made before, found by the marker in their description:
 * those a lost static data forgot (a re-imported workflow, a restored database) keep delivering
 * and billing. `search` narrows the list on servers that have it (older ones ignore it, newest
 * refuse a long one: then the list is walked without it); the marker is matched here, so a
 * destination the package did not make is never touched (docs/posthog-api-part2.md §10.4).
 */
export async function destinationsMadeBefore(
	context: IHookFunctions,
	functionsUrl: string,
	owner: Pick<Owner, 'marker' | 'workflowMarker'>,
): Promise<IDataObject[]> {
	const walk = async (search?: string) => {
		const found: IDataObject[] = [];
		await eachOffsetPage(context, { url: functionsUrl, qs: search ? { search } : {} }, (rows) => {
			found.push(...rows.filter((fn) => carriesMarker(fn.description, owner.marker)));
			return true;
		});
		return found;
	};
	try {
		return await walk(owner.workflowMarker);
	} catch (error) {
		if (errorCode(error) !== '400') throw new NodeApiError(context.getNode(), error as JsonObject);
		return await walk();
	}
}
