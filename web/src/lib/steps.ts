// The workbench's places: the six steps of the method plus findings and export. The slug
// is the Danish path segment under /projekter/<id>/.
import type { Messages } from './i18n';

export interface Place {
	slug: string;
	number?: number;
	short: keyof Messages;
	long: keyof Messages;
}

export const PLACES: Place[] = [
	{ slug: 'kortlaegning', number: 1, short: 'step1', long: 'step1Long' },
	{ slug: 'datahoest', number: 2, short: 'step2', long: 'step2Long' },
	{ slug: 'dokumentation', number: 3, short: 'step3', long: 'step3Long' },
	{ slug: 'indsatsanalyse', number: 4, short: 'step4', long: 'step4Long' },
	{ slug: 'forskning', number: 5, short: 'step5', long: 'step5Long' },
	{ slug: 'ledelse', number: 6, short: 'step6', long: 'step6Long' },
	{ slug: 'fund', short: 'findings', long: 'findingsLong' },
	{ slug: 'eksport', short: 'export', long: 'exportLong' }
];

export function placeBySlug(slug: string): Place | undefined {
	return PLACES.find((p) => p.slug === slug);
}
