// The PRISMA counts and exclusion reasons in Danish and English, shared by the report and
// the screening page (web/src/lib/i18n-literature-mirror.ts re-exports them).
import type { ExclusionReason } from './prisma';

export interface PrismaWords {
	identified: string;
	duplicatesRemoved: string;
	records: string;
	screened: string;
	excluded: string;
	included: string;
	reasons: Record<ExclusionReason, string>;
}

export const PRISMA_WORDS: Record<'da' | 'en', PrismaWords> = {
	da: {
		identified: 'Identificerede poster',
		duplicatesRemoved: 'Dubletter fjernet',
		records: 'Poster til screening',
		screened: 'Screenede (titel/abstract)',
		excluded: 'Ekskluderede',
		included: 'Inkluderede studier',
		reasons: {
			wrong_population: 'Forkert population',
			wrong_intervention: 'Forkert indsats',
			wrong_outcome: 'Forkert effektmål',
			wrong_design: 'Forkert design',
			not_empirical: 'Ikke empirisk',
			duplicate: 'Dublet',
			language: 'Sprog'
		}
	},
	en: {
		identified: 'Records identified',
		duplicatesRemoved: 'Duplicates removed',
		records: 'Records to screen',
		screened: 'Records screened (title/abstract)',
		excluded: 'Records excluded',
		included: 'Studies included',
		reasons: {
			wrong_population: 'Wrong population',
			wrong_intervention: 'Wrong intervention',
			wrong_outcome: 'Wrong outcome',
			wrong_design: 'Wrong design',
			not_empirical: 'Not empirical',
			duplicate: 'Duplicate',
			language: 'Language'
		}
	}
};
