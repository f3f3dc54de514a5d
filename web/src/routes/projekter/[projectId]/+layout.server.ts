import { error } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ fetch, url, params }) => {
	const api = apiClient(fetch, url.origin);
	const response = await api.api.projects[':projectId'].$get({ param: { projectId: params.projectId } });
	if (response.status === 404) error(404, 'project not found');
	if (!response.ok) error(response.status, 'could not load the project');
	const { project } = await response.json();
	return { project: { id: project.id, name: project.name, isDemo: project.isDemo, role: project.role, permissions: project.permissions } };
};
