import { describe, expect, it } from 'vitest';
import { ARTEFACT_IDS, artefactOrder, shippedArtefactCodebook } from './artefacts';
import { classifyArtefact } from './classify';
import { buildEntryTypeTable, mapEntryType } from './entry-types';

// Several spellings per artefact as case systems write them: case, spaces, punctuation,
// æøå or ae/oe/aa, paragraph references, trailing qualifiers.
const VARIANTS: Record<string, string[]> = {
	underretning: ['Underretning', 'UNDERRETNING', 'underretning ', 'Underretning fra skole', 'Anonym underretning', 'Bekymringsunderretning', 'SEL § 153', 'Underretning (§ 133)'],
	screening: ['Screening', 'Screening/afdækning', 'Screening / Afdækning', 'Afdækning', 'afdaekning', 'Screeningsnotat', 'Screeningsmøde'],
	boernefaglig_undersoegelse: ['Børnefaglig undersøgelse', 'Boernefaglig undersoegelse', 'BØRNEFAGLIG UNDERSØGELSE', 'BFU', 'bfu', '§ 50-undersøgelse', '§50-undersøgelse', '§ 50 undersøgelse', 'SEL § 50', 'Børnefaglig undersøgelse (BL § 20)', 'Børnefaglig undersøgelse - konklusion'],
	handleplan: ['Handleplan', 'handleplan', 'Handleplan § 140', '§ 140-handleplan', 'Revideret handleplan', 'Handlingsplan', 'Handleplan (SEL § 141)'],
	barnets_plan: ['Barnets plan', 'BARNETS PLAN', 'barnets-plan', 'Ungeplan', 'Barnets plan § 91', 'Opdateret barnets plan'],
	afgoerelse_bevilling: ['Afgørelse', 'Afgoerelse', 'Bevilling', 'Afgørelse/bevilling', 'Afgørelse / Bevilling', 'Bevillingsbrev', 'Afgørelse om familiebehandling', 'Afslag'],
	bestilling: ['Bestilling', 'bestilling', 'Bestillingsskema', 'Bestilling til leverandør', 'Bestilling af kontaktperson', 'Ydelsesbeskrivelse'],
	journalnotat: ['Journalnotat', 'Notat', 'notat', 'Telefonnotat', 'Sagsnotat', 'Notat - telefon', 'Hjemmebesøg', 'Mødereferat'],
	statusudtalelse: ['Statusudtalelse', 'Skoleudtalelse', 'Børnehaveudtalelse', 'Udtalelse', 'Statusudtalelse fra skole', 'Status fra skole', 'Statusrapport', 'PPR-udtalelse'],
	boernesamtale: ['Børnesamtale', 'Boernesamtale', 'Børne-samtale', 'Samtale med barnet', 'Samtale med den unge', 'Børnesamtale (§ 48)'],
	opfoelgning: ['Opfølgning', 'Opfoelgning', 'OPFØLGNING', 'Opfølgningsmøde', 'Opfølgning på handleplan', 'Statusmøde', 'Telefonisk opfølgning', 'Follow-up'],
	vum_udredning: ['VUM', 'vum', 'VUM-udredning', 'VUM 2.0', 'Voksenudredning', 'Udredning', 'Udredning efter VUM', 'Funktionsevnevurdering'],
	afslutningsnotat: ['Afslutningsnotat', 'Afslutning', 'afslutning', 'Afslutning af sag', 'Sagsafslutning', 'Lukning af sag', 'Slutstatus'],
	fit_maaling: ['FIT', 'fit', 'FIT-måling', 'FIT måling', 'Fit-maaling', 'ORS/SRS', 'ORS', 'SRS', 'CORS']
};

describe('entry type mapping', () => {
	it('covers every artefact id of the codebook', () => {
		expect(Object.keys(VARIANTS).sort()).toEqual([...ARTEFACT_IDS].sort());
		expect(artefactOrder()).toEqual([...ARTEFACT_IDS]);
	});

	for (const [id, variants] of Object.entries(VARIANTS)) {
		it.each(variants)(`maps "%s" to ${id} with source 'type' and score 1`, (type) => {
			const result = classifyArtefact({ type, title: null, text: 'Tekst uden nøgleord.' });
			expect(result).toMatchObject({ code: id, source: 'type', score: 1 });
			expect(result.explanation).toContain(id);
		});
	}

	it('maps the codebook ids and Danish labels themselves', () => {
		const table = buildEntryTypeTable(shippedArtefactCodebook());
		for (const { id, label } of shippedArtefactCodebook().codes) {
			expect(mapEntryType(id, table)).toBe(id);
			expect(mapEntryType(label.da, table)).toBe(id);
		}
	});

	it('lets the entry type win over the text', () => {
		const result = classifyArtefact({ type: 'Bestilling', title: 'Opfølgning', text: 'Opfølgningsmøde med mor.' });
		expect(result).toMatchObject({ code: 'bestilling', source: 'type' });
	});

	it('falls back to the rules for an unknown entry type, and says so', () => {
		const result = classifyArtefact({ type: 'Dokument', title: 'Børnesamtale', text: 'Samtale med pigen på skolen.' });
		expect(result).toMatchObject({ code: 'boernesamtale', source: 'rules' });
		expect(result.explanation).toMatch(/^entry type "Dokument" not recognised; /);
	});

	it('treats an empty or blank entry type as missing', () => {
		expect(classifyArtefact({ type: '  ', title: 'Handleplan', text: 'x' }).source).toBe('rules');
		expect(classifyArtefact({ type: null, title: 'Handleplan', text: 'x' }).source).toBe('rules');
	});

	it('does not take a bare abbreviation inside another word', () => {
		const table = buildEntryTypeTable(shippedArtefactCodebook());
		expect(mapEntryType('Fitness', table)).toBeNull();
		expect(mapEntryType('Vumme', table)).toBeNull();
		expect(mapEntryType('Dokument', table)).toBeNull();
	});
});
