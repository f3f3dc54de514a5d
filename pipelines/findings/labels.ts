// Words for the findings in Danish and English, shared by the web page (web/src/lib/
// i18n-findings.ts) and the printable report: classes, relations, groups, distributions.
import type { RaterType } from '../fit/index';
import type { ClassKey, Dimension, DistributionKey, RelationKey } from './types';

export type Locale = 'da' | 'en';

interface Labels {
	rater: Record<RaterType, string>;
	relation: Record<RelationKey, string>;
	/** What x is, for axes. */
	relationX: Record<RelationKey, string>;
	classes: Record<ClassKey, string>;
	dimension: Record<Dimension, string>;
	distribution: Record<DistributionKey, string>;
	targetGroup: Record<string, string>;
	ageGroup: Record<string, string>;
	unknownGroup: string;
	notIncluded: Record<'ycors' | 'other', string>;
	position: (p: number) => string;
}

export const FINDINGS_LABELS: Record<Locale, Labels> = {
	da: {
		rater: { client: 'Klienter', collateral: 'Parallelbedømmere' },
		relation: { duration_effect: 'Varighed og fremgang', alliance_effect: 'Alliance og fremgang', sessions_effect: 'Antal sessioner og fremgang' },
		relationX: { duration_effect: 'Varighed (dage)', alliance_effect: 'Gennemsnitlig SRS', sessions_effect: 'Sessioner' },
		classes: {
			recovered: 'Kommet sig',
			reliably_improved: 'Pålideligt forbedret',
			improved_unknown: 'Pålideligt forbedret (grænse ukendt)',
			no_reliable_change: 'Ingen pålidelig ændring',
			deteriorated: 'Pålideligt forværret'
		},
		dimension: { targetGroup: 'Målgruppe', ageGroup: 'Aldersgruppe', intervention: 'Indsats', unit: 'Enhed' },
		distribution: { intakeOrs: 'ORS ved start', lastOrs: 'ORS ved sidste måling', change: 'Ændring i ORS', durationDays: 'Varighed (dage)', meanSrs: 'Gennemsnitlig SRS', sessions: 'Sessioner' },
		targetGroup: { children: 'Børn og unge', adults: 'Voksne' },
		ageGroup: { '0-5': '0-5 år', '6-12': '6-12 år', '13-17': '13-17 år', adults: 'Voksne (18+)' },
		unknownGroup: 'Ukendt',
		notIncluded: { ycors: 'kun YCORS (scores ikke)', other: 'færre end to ORS-målinger' },
		position: (p) => (p === 0 ? 'Start' : p === 1 ? 'Sidste' : `${Math.round(p * 100)} % inde`)
	},
	en: {
		rater: { client: 'Clients', collateral: 'Collateral raters' },
		relation: { duration_effect: 'Duration and change', alliance_effect: 'Alliance and change', sessions_effect: 'Sessions and change' },
		relationX: { duration_effect: 'Duration (days)', alliance_effect: 'Mean SRS', sessions_effect: 'Sessions' },
		classes: {
			recovered: 'Recovered',
			reliably_improved: 'Reliably improved',
			improved_unknown: 'Reliably improved (cutoff unknown)',
			no_reliable_change: 'No reliable change',
			deteriorated: 'Reliably deteriorated'
		},
		dimension: { targetGroup: 'Target group', ageGroup: 'Age group', intervention: 'Intervention', unit: 'Unit' },
		distribution: { intakeOrs: 'ORS at intake', lastOrs: 'ORS at the last rating', change: 'Change in ORS', durationDays: 'Duration (days)', meanSrs: 'Mean SRS', sessions: 'Sessions' },
		targetGroup: { children: 'Children and young people', adults: 'Adults' },
		ageGroup: { '0-5': 'Age 0-5', '6-12': 'Age 6-12', '13-17': 'Age 13-17', adults: 'Adults (18+)' },
		unknownGroup: 'Unknown',
		notIncluded: { ycors: 'YCORS only (not scored)', other: 'fewer than two ORS ratings' },
		position: (p) => (p === 0 ? 'Intake' : p === 1 ? 'Last' : `${Math.round(p * 100)}% in`)
	}
};

/** A group's name: its domain word, its code's label, or the key itself (a unit's name). */
export function groupLabel(locale: Locale, dimension: Dimension, key: string, codeLabels: Record<string, string>): string {
	const words = FINDINGS_LABELS[locale];
	if (key === '') return words.unknownGroup;
	if (dimension === 'targetGroup') return words.targetGroup[key] ?? key;
	if (dimension === 'ageGroup') return words.ageGroup[key] ?? key;
	return codeLabels[key] ?? key;
}

/** Numbers as the locale writes them (0,45 in Danish), with a fixed number of decimals. */
export function formatNumber(locale: Locale, value: number, digits: number): string {
	return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatPercent(locale: Locale, share: number): string {
	return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
