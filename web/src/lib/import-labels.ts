// Danish and English names of the import kinds and fields, for the import page.
import type { Locale } from './i18n';

const labels = {
	da: {
		journals: 'Journalnotater', cases: 'Sagsoplysninger', fit: 'FIT-målinger', demo: 'Demodata',
		case_id: 'Sagsnummer', date: 'Dato', entry_type: 'Notattype', title: 'Overskrift', author: 'Forfatter', author_id: 'Forfatter-id',
		author_role: 'Rolle', text: 'Tekst', target_group: 'Målgruppe', age_at_start: 'Alder ved start', unit: 'Enhed', caseworker: 'Sagsbehandler',
		caseworker_id: 'Sagsbehandler-id', start_date: 'Startdato', end_date: 'Slutdato', closing_reason: 'Afslutningsårsag', interventions: 'Indsatser',
		person_name: 'Navn (borger/pårørende)', session: 'Session', instrument: 'Instrument', rater: 'Bedømmer', rater_role: 'Bedømmerens rolle',
		item1: 'Item 1', item2: 'Item 2', item3: 'Item 3', item4: 'Item 4', total: 'Total',
		committed: 'gennemført', running: 'i gang', failed: 'fejlet',
		cpr: 'CPR-numre', name: 'navne', phone: 'telefonnumre', email: 'e-mailadresser', address: 'adresser'
	},
	en: {
		journals: 'Journal entries', cases: 'Case metadata', fit: 'FIT ratings', demo: 'Demo data',
		case_id: 'Case number', date: 'Date', entry_type: 'Entry type', title: 'Title', author: 'Author', author_id: 'Author id',
		author_role: 'Role', text: 'Text', target_group: 'Target group', age_at_start: 'Age at start', unit: 'Unit', caseworker: 'Caseworker',
		caseworker_id: 'Caseworker id', start_date: 'Start date', end_date: 'End date', closing_reason: 'Closing reason', interventions: 'Interventions',
		person_name: 'Name (citizen/relative)', session: 'Session', instrument: 'Instrument', rater: 'Rater', rater_role: 'Rater role',
		item1: 'Item 1', item2: 'Item 2', item3: 'Item 3', item4: 'Item 4', total: 'Total',
		committed: 'committed', running: 'running', failed: 'failed',
		cpr: 'CPR numbers', name: 'names', phone: 'phone numbers', email: 'e-mail addresses', address: 'addresses'
	}
} as const;

export function importLabel(locale: Locale, key: string): string {
	return (labels[locale] as Record<string, string>)[key] ?? key;
}
