// The whole audit log, for workbench administrators: newest first, filtered by a group of
// actions, paged by ?before=<event id> (only ids in the URL, nothing sensitive).
import { error } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import { AUDIT_GROUPS } from '$lib/i18n-admin';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
	const { user } = await parent();
	if (!user?.isAdmin) error(403, 'only workbench administrators read the whole log');
	const group = AUDIT_GROUPS.find((g) => g === url.searchParams.get('action')) ?? '';
	const before = /^\d+$/.test(url.searchParams.get('before') ?? '') ? url.searchParams.get('before')! : undefined;
	const api = apiClient(fetch, url.origin);
	// One more than a page: whether there are older events to link to.
	const response = await api.api.audit.$get({ query: { action: group || undefined, before, limit: String(PAGE_SIZE + 1) } });
	if (response.status === 403) error(403, 'only workbench administrators read the whole log');
	const [{ events }, { users }] = await Promise.all([expectOk(response), expectOk(await api.api.users.$get())]);
	const page = events.slice(0, PAGE_SIZE);
	return {
		events: page,
		group,
		before: before ?? null,
		olderThan: events.length > PAGE_SIZE ? page[page.length - 1].id : null,
		usernames: Object.fromEntries(users.map((u) => [u.id, u.username]))
	};
};
