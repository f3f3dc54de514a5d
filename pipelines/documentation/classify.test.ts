import { describe, expect, it } from 'vitest';
import { shippedArtefactCodebook } from './artefacts';
import { classifyArtefact } from './classify';

type Example = [expected: string | null, title: string | null, text: string];

// Short journal snippets written the way caseworkers write them (no real names). No entry
// type is given, so each goes through the rules.
const EXAMPLES: Example[] = [
	['underretning', 'Modtaget underretning', 'Der er modtaget underretning fra skolen vedr. drengens høje fravær og uplejede fremtoning.'],
	['underretning', null, 'Anonym henvendelse pr. telefon fra nabo, der har hørt råb og barnegråd om natten. Registreret som underretning.'],
	['screening', 'Screeningsnotat', 'Underretningen er screenet i modtageteamet. Der vurderes ikke at være grundlag for en børnefaglig undersøgelse.'],
	['screening', 'Afdækning', 'Rådgiver indhenter med forældrenes samtykke oplysninger fra sundhedsplejerske og vuggestue.'],
	['boernefaglig_undersoegelse', 'Børnefaglig undersøgelse – konklusion', 'Undersøgelsen konkluderer, at pigen har behov for familiebehandling og en fast kontaktperson.'],
	['boernefaglig_undersoegelse', null, 'Der er truffet beslutning om at iværksætte en § 50-undersøgelse. Forældrene er orienteret og har givet samtykke.'],
	['handleplan', 'Handleplan', 'Handleplan efter SEL § 140 udarbejdet og sendt til forældrene.'],
	['handleplan', null, 'Revideret § 141-handleplan gennemgået med borger. Delmålet om egen økonomi fastholdes.'],
	['barnets_plan', null, 'Barnets plan er udarbejdet sammen med pigen og forældrene. Pigens eget mål er at få en veninde i klassen.'],
	['afgoerelse_bevilling', 'Afgørelse om familiebehandling', 'Der er truffet afgørelse om familiebehandling efter Barnets Lov § 32, stk. 1, nr. 5.'],
	['afgoerelse_bevilling', null, 'Visitationsudvalget har bevilget forlængelse af bostøtten i seks måneder; borger har fået afgørelsen i e-Boks.'],
	['bestilling', 'Bestilling til Familiehuset', 'Bestilling sendt: 4 timer pr. uge i 6 måneder med fokus på struktur om morgenen.'],
	['bestilling', 'Bestilling', 'Afgørelse om aflastning er truffet i sidste uge; bestillingen sendes nu til aflastningsstedet.'],
	['journalnotat', 'Telefonnotat', 'Mor ringer og fortæller, at hun har fået ny lejlighed og flytter den 1. i næste måned.'],
	['journalnotat', 'Hjemmebesøg', 'Hjemmebesøg hos familien sammen med familiebehandler. Lejligheden var ryddelig. Afgørelsen om aflastning blev forklaret for far.'],
	['journalnotat', 'Netværksmøde', 'Netværksmøde med skolen og forældrene om fravær. Der er bekymring for drengens søvn.'],
	['statusudtalelse', 'Skoleudtalelse', 'Modtaget skoleudtalelse fra klasselærer: Drengen har svært ved at koncentrere sig.'],
	['statusudtalelse', null, 'Statusrapport fra opholdsstedet modtaget. Den unge følger skolegangen og har ikke haft konflikter.'],
	['boernesamtale', 'Samtale med barnet', 'Samtale med pigen på skolen. Hun fortæller, at hun er glad for at være hos sin far.'],
	['boernesamtale', null, 'Børnesamtale afholdt i bilen på vej hjem fra skole. Drengen siger, at han gerne vil blive boende.'],
	['opfoelgning', 'Opfølgningsmøde', 'Opfølgningsmøde med mor og familiebehandler. Morgenrutinerne fungerer bedre, og indsatsen fortsætter uændret.'],
	['opfoelgning', 'Opfølgning på handleplanen', 'Målene i handleplanen blev gennemgået. Målet om skolefremmøde er delvist nået.'],
	['opfoelgning', null, 'Mor kunne ikke deltage i opfølgningsmødet, som blev holdt med far og familiebehandleren.'],
	['vum_udredning', 'VUM-udredning', 'Borger vurderes at have moderate begrænsninger i at udføre praktiske opgaver i hjemmet.'],
	['vum_udredning', null, 'Opdateret udredning efter voksenudredningsmetoden forud for revisitation til § 107-botilbud.'],
	['afslutningsnotat', 'Afslutningsnotat', 'Familiebehandlingen afsluttes efter aftale med forældrene. Målene er nået.'],
	['afslutningsnotat', null, 'Sagen lukkes, da familien er fraflyttet kommunen. Underretning sendt til tilflytningskommunen.'],
	['fit_maaling', 'FIT-måling, session 4', 'Mor scorer ORS 18,4 ved start; SRS 37,2 ved afslutning.'],
	['fit_maaling', null, 'Klasselærer har som parallelbedømmer udfyldt ORS for drengen: 22,0.'],
	[null, null, 'Kort tekst uden genkendelige ord.']
];

describe('classifyArtefact by rules', () => {
	it.each(EXAMPLES)('%s ← title %j, text %j', (expected, title, text) => {
		const result = classifyArtefact({ title, text });
		expect(result.code, result.explanation).toBe(expected);
		if (expected === null) {
			expect(result).toMatchObject({ source: null, score: 0 });
		} else {
			expect(result.source).toBe('rules');
			expect(result.score).toBeGreaterThan(0);
			expect(result.score).toBeLessThan(1);
		}
	});

	it('names the matched keyword or pattern and where it was found', () => {
		expect(classifyArtefact({ title: 'Skoleudtalelse', text: 'Fra klasselæreren.' }).explanation).toMatch(/^(keyword|pattern) ".+" in title \(at the start\)/);
		expect(classifyArtefact({ title: null, text: 'Bestilling sendt til udfører.' }).explanation).toMatch(/^(keyword|pattern) "bestilling.*" in text/);
	});

	it('weighs a title match above a text match', () => {
		const result = classifyArtefact({ title: 'Statusudtalelse fra skolen', text: 'Opfølgning på planen er aftalt til næste måned.' });
		expect(result.code).toBe('statusudtalelse');
		expect(result.explanation).toContain('runner-up opfoelgning');
		const fromTitle = classifyArtefact({ title: 'Handleplan', text: 'x' }).score;
		const fromText = classifyArtefact({ title: null, text: 'Der er sendt en handleplan.' }).score;
		expect(fromTitle).toBeGreaterThan(fromText);
	});

	it('never quotes the entry text in the explanation (it may hold identifiers)', () => {
		const result = classifyArtefact({ title: null, text: 'Underretning om Jens Hansen, CPR 010203-1234.' });
		expect(result.code).toBe('underretning');
		expect(result.explanation).not.toMatch(/Jens|010203/);
	});
});

// Decision: the negation guard drops a keyword governed by "ikke"/"ingen"/"intet"/"uden"
// (at most three words before it, same clause, no preposition between). A negated mention
// is evidence that the document is *missing*, so it must not make the entry that document;
// the entry falls to what else it says (here: a note), and the explanation lists the
// negated match. A title naming the type still counts: "Handleplan" as a title is the plan.
describe('negations', () => {
	it('does not classify "der er ikke udarbejdet en handleplan" as a handleplan', () => {
		const result = classifyArtefact({ title: 'Notat', text: 'Der er ikke udarbejdet en handleplan endnu. Mor er orienteret om forløbet.' });
		expect(result.code).toBe('journalnotat');
		expect(result.explanation).toContain('negated: handleplan');
	});

	it('finds nothing when every artefact word is negated and nothing looks like a note', () => {
		const result = classifyArtefact({ title: null, text: 'Der er ikke udarbejdet en handleplan, og der er endnu ingen afgørelse.' });
		expect(result.code).toBeNull();
		expect(result.explanation).toMatch(/negated: .*handleplan.*afgoerelse_bevilling/);
	});

	it('keeps a note with a negated report of concern a note', () => {
		expect(classifyArtefact({ title: null, text: 'Ingen underretning modtaget siden sidst. Samtale med mor om skolen.' }).code).toBe('journalnotat');
	});

	it('still lets a title name the type when the text negates an earlier one', () => {
		expect(classifyArtefact({ title: 'Handleplan', text: 'Der er ikke udarbejdet en handleplan tidligere; dette er den første.' }).code).toBe('handleplan');
	});

	it('uses a non-negated later mention of the same keyword', () => {
		expect(classifyArtefact({ title: null, text: 'Ikke modtaget underretning før i dag. Underretning modtaget fra skolen.' }).code).toBe('underretning');
	});
});

describe('the generic journal note', () => {
	it('is chosen only when nothing specific matches and the entry looks like a note', () => {
		expect(classifyArtefact({ title: 'Gåtur', text: 'Vi gik en tur i parken og talte om skolen.' }).code).toBe('journalnotat');
		expect(classifyArtefact({ title: 'Kontorsamtale', text: 'Borger kom til tiden.' }).code).toBe('journalnotat');
		expect(classifyArtefact({ title: null, text: 'Borger kom til tiden.' }).code).toBeNull();
	});

	it('scores lower than a specific match', () => {
		const note = classifyArtefact({ title: 'Telefonnotat', text: 'Mor ringer.' });
		const plan = classifyArtefact({ title: 'Barnets plan', text: 'Planen er drøftet.' });
		expect(note.score).toBeLessThan(plan.score);
	});

	it('lets a specific type in the first sentence overrule a note title', () => {
		expect(classifyArtefact({ title: 'Notat', text: 'Børnesamtale afholdt på skolen. Pigen fortæller om sin weekend.' }).code).toBe('boernesamtale');
	});

	it('reads only the opening of a long text', () => {
		const filler = 'Der blev talt om hverdagen og om skolen. '.repeat(10);
		expect(classifyArtefact({ title: 'Notat', text: `${filler}Afslutningsnotat skrives senere.` }).code).toBe('journalnotat');
		expect(classifyArtefact({ title: null, text: `${filler}Afslutningsnotat.` }).code).toBeNull();
	});
});

describe('a project codebook', () => {
	it("is read as it is: a keyword added to a code classifies by it", () => {
		const shipped = shippedArtefactCodebook();
		const edited = structuredClone(shipped);
		edited.codes.find((c) => c.id === 'handleplan')!.keywords.push('indsatsplan');
		const entry = { title: 'Indsatsplan udarbejdet', text: 'Planen er sendt til borger.' };
		expect(classifyArtefact(entry, shipped).code).not.toBe('handleplan');
		expect(classifyArtefact(entry, edited)).toMatchObject({ code: 'handleplan', source: 'rules' });
		expect(classifyArtefact({ type: 'Indsatsplan', text: 'x' }, edited).code).toBe('handleplan');
	});
});
