import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import type { Page } from '../../shared/pages';
import { postHogRequest } from '../../transport/request';

/**
 * The members of the API key's organization, labelled by name and email, valued by user ID,
 * after "Unassigned" (valued by an empty text). Needs `organization_member:read`.
 */
export async function getOrganizationMembers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const page = await postHogRequest<Page>(this, {
		method: 'GET',
		url: '/api/organizations/@current/members/',
		qs: { limit: 500 },
	});
	const members = (page.results ?? []).map((member) => {
		const user = (member.user ?? {}) as IDataObject;
		const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
		return {
			name: name ? `${name} (${String(user.email)})` : String(user.email),
			value: String(user.id),
		};
	});
	members.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'Unassigned', value: '' }, ...members];
}
