import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { currentProjectId, hasProject } from '../../shared/project';
import { postHogRequest } from '../../transport/request';

/** Group types of the project, labelled by plural name, valued by index (docs/posthog-api.md §4). */
export async function getGroupTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	// Until a project is chosen there is nothing to list, which is not an error.
	if (!hasProject(this)) return [];
	const projectId = currentProjectId(this);
	const groupTypes = await postHogRequest<IDataObject[]>(this, {
		method: 'GET',
		url: `/api/projects/${projectId}/groups_types/`,
	});
	return groupTypes
		.map((groupType) => ({
			name: String(groupType.name_plural || groupType.group_type),
			value: Number(groupType.group_type_index),
			description: `Index ${String(groupType.group_type_index)}: ${String(groupType.group_type)}`,
		}))
		.sort((a, b) => a.value - b.value);
}
