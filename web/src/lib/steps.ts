// The workbench's places: the six steps of the method, findings and export, and the
// project's cases, key figures, codebooks and members. The slug is the Danish path segment under
// /projekter/<id>/; `needs` is the permission the API requires for the place's data, so
// the navigation shows only what the user's role may open (the API checks again).
import type { Permission } from '../../../api/services/access';
import type { Messages } from './i18n';

export interface Place {
	slug: string;
	number?: number;
	short: keyof Messages;
	long: keyof Messages;
	needs: Permission;
}

export const PLACES: Place[] = [
	{ slug: 'kortlaegning', number: 1, short: 'step1', long: 'step1Long', needs: 'project:read' },
	{ slug: 'datahoest', number: 2, short: 'step2', long: 'step2Long', needs: 'import:write' },
	{ slug: 'dokumentation', number: 3, short: 'step3', long: 'step3Long', needs: 'aggregates:read' },
	{ slug: 'indsatsanalyse', number: 4, short: 'step4', long: 'step4Long', needs: 'cases:text' },
	{ slug: 'forskning', number: 5, short: 'step5', long: 'step5Long', needs: 'project:read' },
	{ slug: 'ledelse', number: 6, short: 'step6', long: 'step6Long', needs: 'project:read' },
	{ slug: 'fund', short: 'findings', long: 'findingsLong', needs: 'aggregates:read' },
	{ slug: 'eksport', short: 'export', long: 'exportLong', needs: 'export:data' }
];

/** Places outside the method's steps, shown after them in the navigation. */
export const PROJECT_PAGES: Place[] = [
	{ slug: 'sager', short: 'casesTitle', long: 'casesTitle', needs: 'cases:read' },
	// The NLP suggestion queue: coding work beside the cases.
	{ slug: 'forslag', short: 'suggestionsTitle', long: 'suggestionsTitle', needs: 'coding:write' },
	{ slug: 'noegletal', short: 'keyFigures', long: 'keyFigures', needs: 'aggregates:read' },
	{ slug: 'kodeboger', short: 'codebooksTitle', long: 'codebooksTitle', needs: 'project:read' },
	{ slug: 'medlemmer', short: 'members', long: 'members', needs: 'project:manage' }
];

export function placeBySlug(slug: string): Place | undefined {
	return PLACES.find((p) => p.slug === slug);
}

export function allowedPlaces(places: Place[], permissions: readonly string[]): Place[] {
	return places.filter((p) => permissions.includes(p.needs));
}
