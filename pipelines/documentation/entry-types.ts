// Maps the entry type an export gives (Notattype, Dokumenttype) to an artefact code id.
// Case systems name the same document many ways ("BFU", "§ 50-undersøgelse", "Børnefaglig
// undersøgelse (BL § 20)"), so labels are compared normalised and by their leading or
// trailing words as well as whole.
import { flattenCodes, type Codebook } from '../../codebooks/index';
import { normaliseLabel } from '../import/normalise';
import type { ArtefactId } from './artefacts';

/**
 * Entry type labels seen in (or plausible for) DUBU, Nexus, Sensum and Bosted exports,
 * beyond the codebook's own labels, ids and mapsFrom. Compared after normaliseLabel, so
 * case, spaces, punctuation and æ/ae spellings do not matter.
 */
export const ENTRY_TYPE_VARIANTS: Record<ArtefactId, string[]> = {
	underretning: ['Underretning', 'Underretninger', 'Bekymringsunderretning', 'Anonym underretning', 'Mellemkommunal underretning', 'Bekymringshenvendelse', 'Underretningsnotat', 'SEL § 153', 'SEL § 154', 'BL § 133', 'Report of concern', 'Notification'],
	screening: ['Screening', 'Screeningsnotat', 'Screeningsmøde', 'Screening/afdækning', 'Afdækning', 'Afdækningsnotat', 'Indledende vurdering', 'Risikovurdering', 'Screening of report'],
	boernefaglig_undersoegelse: ['Børnefaglig undersøgelse', 'Børnefaglige undersøgelser', 'Børnefaglig', 'BFU', '§ 50-undersøgelse', '§ 50 undersøgelse', '§50', '§ 50', 'SEL § 50', '50-undersøgelse', 'Paragraf 50-undersøgelse', 'Barnets Lov § 20', 'BL § 20', 'Undersøgelse af barnets forhold', 'Child assessment'],
	handleplan: ['Handleplan', 'Handleplaner', 'Handlingsplan', '§ 140-handleplan', '§ 141-handleplan', 'Handleplan § 140', 'Handleplan § 141', 'Revideret handleplan', 'Opdateret handleplan', 'SEL § 140', 'SEL § 141', 'Action plan'],
	barnets_plan: ['Barnets plan', 'Barnets planer', 'Ungeplan', 'Ungeplanen', 'Barnets plan § 91', 'BL § 91', 'Opdateret barnets plan', "Child's plan", "The child's plan"],
	afgoerelse_bevilling: ['Afgørelse', 'Afgørelser', 'Bevilling', 'Bevillinger', 'Afgørelse/bevilling', 'Bevillingsbrev', 'Afgørelsesbrev', 'Visitationsafgørelse', 'Afslag', 'Ophør', 'Ophørsafgørelse', 'Forlængelse', 'Decision', 'Grant'],
	bestilling: ['Bestilling', 'Bestillinger', 'Bestillingsskema', 'Indsatsbestilling', 'Bestilling til leverandør', 'Ydelsesbeskrivelse', 'Leverandøraftale', 'Order', 'Order to provider'],
	journalnotat: ['Journalnotat', 'Journal', 'Notat', 'Notater', 'Sagsnotat', 'Telefonnotat', 'Mødenotat', 'Mødereferat', 'Referat', 'Hjemmebesøg', 'Notits', 'Samtale', 'Telefonsamtale', 'E-mail', 'Mail', 'Korrespondance', 'Case note', 'Note'],
	statusudtalelse: ['Statusudtalelse', 'Statusudtalelser', 'Udtalelse', 'Skoleudtalelse', 'Børnehaveudtalelse', 'Dagtilbudsudtalelse', 'PPR-udtalelse', 'Status fra skole', 'Status fra dagtilbud', 'Status', 'Statusrapport', 'Statusbeskrivelse', 'Status statement'],
	boernesamtale: ['Børnesamtale', 'Børnesamtaler', 'Samtale med barnet', 'Samtale med barn', 'Samtale med den unge', 'Ungesamtale', 'SEL § 48', 'BL § 48', 'Child interview'],
	opfoelgning: ['Opfølgning', 'Opfølgninger', 'Opfølgningsmøde', 'Opfølgningsnotat', 'Statusmøde', 'Opfølgning § 70', 'SEL § 70', 'Follow-up', 'Followup'],
	vum_udredning: ['VUM', 'VUM-udredning', 'VUM 2.0', 'Voksenudredning', 'Voksenudredningsmetoden', 'Udredning', 'Udredningssamtale', 'Funktionsevnevurdering', 'Funktionsevnebeskrivelse', 'Adult assessment'],
	afslutningsnotat: ['Afslutningsnotat', 'Afslutning', 'Afslutning af sag', 'Afslutning af sagen', 'Sagsafslutning', 'Lukning af sag', 'Lukkenotat', 'Slutstatus', 'Slutnotat', 'Afsluttende notat', 'Closing note'],
	fit_maaling: ['FIT', 'FIT-måling', 'FIT måling', 'FIT-skema', 'FIT-samtale', 'ORS', 'SRS', 'CORS', 'CSRS', 'YCORS', 'ORS/SRS', 'ORS og SRS', 'PCOMS', 'FIT measurement']
};

const PARENTHESES = /\([^)]*\)/g;
const WORDS = /[\s/:]+/;

/** First writer wins: the explicit variants go in before the codebook's labels. */
function add(table: Map<string, string>, label: string, id: string): void {
	const key = normaliseLabel(label);
	if (key && !table.has(key)) table.set(key, id);
}

export interface EntryTypeTable {
	/** The variants above, then the codebook's ids, labels and mapsFrom. */
	strong: Map<string, string>;
	/** The codebook's keywords ("Telefonnotat", "Udtalelse"), tried after every strong reading. */
	weak: Map<string, string>;
}

/** The normalised label tables for a codebook; variants only for codes the codebook has. */
export function buildEntryTypeTable(codebook: Codebook): EntryTypeTable {
	const strong = new Map<string, string>();
	const weak = new Map<string, string>();
	const codes = [...flattenCodes(codebook)].map(({ code }) => code);
	const ids = new Set(codes.map((code) => code.id));
	for (const [id, variants] of Object.entries(ENTRY_TYPE_VARIANTS)) {
		if (ids.has(id)) for (const variant of variants) add(strong, variant, id);
	}
	for (const code of codes) {
		for (const label of [code.id, code.label.da, code.label.en, ...code.label.da.split('/'), ...(code.mapsFrom ?? [])]) add(strong, label, code.id);
		for (const keyword of code.keywords) add(weak, keyword, code.id);
	}
	return { strong, weak };
}

/**
 * Candidate readings of a label, most specific first: whole, without parentheses, then
 * its first three, two and one words ("Handleplan revideret", "Notat vedr. møde"), then
 * its last two and one words ("Opdateret barnets plan", "Telefonisk opfølgning").
 */
function readings(label: string): string[] {
	const words = label.replace(PARENTHESES, ' ').trim().split(WORDS).filter(Boolean);
	const out = [label, label.replace(PARENTHESES, ' ')];
	for (const n of [3, 2, 1]) if (words.length > n) out.push(words.slice(0, n).join(' '));
	for (const n of [2, 1]) if (words.length > n) out.push(words.slice(-n).join(' '));
	return out.map(normaliseLabel);
}

/** The artefact id an entry type label names, or null. */
export function mapEntryType(label: string, table: EntryTypeTable): string | null {
	const keys = readings(label);
	for (const map of [table.strong, table.weak]) {
		for (const key of keys) {
			const id = map.get(key);
			if (id) return id;
		}
	}
	return null;
}
