// Messages for the codebook page (Kodebøger), and the mapping from the API's problem
// bodies to them: a Danish sentence chosen by details.reason (and field), never the API's
// English text. The problems inside an import file are translated in codebook-problems.ts.
import type { Locale } from './i18n';

const da = {
	intro: 'Projektets kodebøger og deres koder. Koder kan omdøbes, flyttes, flettes og udgå uden at kodninger går tabt: en udgået kode kan ikke bruges til nye kodninger, men dens kodninger bevares og vises stadig.',
	readOnly: 'Din rolle kan se kodebøgerne, men ikke ændre dem.',
	installedTitle: 'Projektets kodebøger',
	noCodebooks: 'Projektet har ingen kodebøger endnu.',
	shippedTitle: 'Medfølgende kodebøger, som projektet ikke har',
	allShippedInstalled: 'Projektet har alle medfølgende kodebøger.',
	install: 'Tilføj til projektet',
	removeBook: 'Fjern kodebogen',
	removeConfirm: 'Fjern kodebogen «{book}» fra projektet? Det kan kun lade sig gøre, når ingen af dens koder er brugt.',
	codesCount: '{n} koder',
	retiredCount: '{n} udgået',
	codingsCount: '{n} kodninger',
	memosCount: '{n} memoer',
	retired: 'udgået',
	key: 'Nøgle',
	labelDa: 'Dansk betegnelse',
	labelEn: 'Engelsk betegnelse',
	definition: 'Definition',
	includeNote: 'Medtag',
	excludeNote: 'Udelad',
	keywords: 'Nøgleord',
	keywordsHint: 'ét pr. linje',
	examples: 'Eksempler',
	none: '–',
	tools: 'Redigér',
	editCode: 'Ret koden',
	editCodeOf: 'Ret «{code}»',
	save: 'Gem',
	addChild: 'Tilføj underkode',
	addChildTo: 'Tilføj underkode til «{code}»',
	addTop: 'Tilføj kode på øverste niveau',
	addTopTo: 'Tilføj kode på øverste niveau i «{book}»',
	add: 'Tilføj',
	move: 'Flyt',
	moveCode: 'Flyt «{code}»',
	newParent: 'Ny placering',
	topLevel: '(øverste niveau)',
	merge: 'Flet ind i en anden kode',
	mergeCode: 'Flet «{code}» ind i en anden kode',
	mergeInto: 'Flet ind i',
	chooseCode: 'Vælg kode',
	mergeHint: '«{code}» har {n} kodninger. De flyttes til den valgte kode, underkoderne følger med, og «{code}» udgår (den kan stadig læses).',
	mergeConfirm: 'Flet «{from}» ind i «{into}»? {n} kodninger flyttes til «{into}», og «{from}» udgår.',
	mergeButton: 'Flet',
	retire: 'Lad koden udgå',
	unretire: 'Tag koden i brug igen',
	exportTitle: 'Eksportér',
	exportQdcDa: 'QDC (REFI-QDA), dansk',
	exportQdcEn: 'QDC (REFI-QDA), engelsk',
	exportCsvDa: 'CSV (Excel), dansk',
	exportCsvEn: 'CSV (Excel), engelsk',
	importTitle: 'Importér en kodebog',
	importIntro: 'En REFI-QDA-kodebog (.qdc) fra NVivo, MAXQDA, ATLAS.ti eller QualCoder, eller en CSV-fil i Effekts format (som eksporten ovenfor). Filen importeres helt eller slet ikke: har en kode et problem, ændres intet, og alle problemer vises med linje og felt. Importeres der i en eksisterende kodebog, tilføjes nye koder og eksisterende opdateres; intet slettes.',
	importFile: 'Fil (.qdc eller .csv)',
	importInto: 'Importér til',
	newCodebook: 'Ny kodebog',
	newKey: 'Nøgle til den nye kodebog',
	newKeyHint: 'små bogstaver a-z, tal og _, f.eks. «min_kodebog»',
	newLabel: 'Dansk navn på den nye kodebog',
	newLabelEn: 'Engelsk navn (valgfrit)',
	qdcLang: 'Sprog i kodernes navne (QDC fra andre programmer)',
	danish: 'dansk',
	english: 'engelsk',
	importButton: 'Importér',
	importDone: '«{book}»: {added} koder tilføjet, {updated} opdateret, {unchanged} uændret.',
	importWarnings: 'Bemærkninger (intet er udeladt)',
	importRefused: 'Filen blev ikke importeret. Ret problemerne og prøv igen:',
	line: 'Linje',
	field: 'Felt',
	problem: 'Problem',
	done: {
		installed: 'Kodebogen «{book}» er tilføjet projektet.',
		removed: 'Kodebogen «{book}» er fjernet fra projektet.',
		added: 'Koden «{code}» er tilføjet.',
		saved: 'Ændringen er gemt.',
		unchanged: 'Intet at gemme: koden var allerede sådan.',
		moved: 'Koden er flyttet.',
		merged: '{n} kodninger er flyttet fra «{from}» til «{into}».',
		retired: 'Koden er udgået. Dens kodninger er bevaret.',
		unretired: 'Koden er i brug igen.'
	},
	problems: {
		noCodebook: 'Kodebogen findes ikke (længere) i projektet.',
		noCode: 'Koden findes ikke (længere) i projektet.',
		noParent: 'Vælg en kode i samme kodebog.',
		differentCodebook: 'En kode kan kun flyttes inden for sin egen kodebog. Flet den i stedet, hvis den skal høre til en anden kodebog.',
		duplicateCodebook: 'Projektet har allerede en kodebog med den nøgle. Importér i den, eller vælg en anden nøgle.',
		duplicateChildKeys: 'Den anden kodebog har allerede koder med samme nøgle som underkoderne: {keys}.',
		duplicateKey: 'Nøglen bruges allerede (måske af en ændring, der blev gemt samtidig). Prøv igen.',
		badKey: 'Nøglen må kun have små bogstaver a-z, tal og _ (f.eks. «min_kodebog»).',
		emptyLabel: 'Koden skal have en dansk betegnelse.',
		emptyBookLabel: 'En ny kodebog skal have et dansk navn.',
		cycle: 'Koden kan ikke placeres under sig selv eller under en af sine egne underkoder.',
		sameCode: 'En kode kan ikke flettes ind i sig selv.',
		retiredTarget: 'Koden, der flettes ind i, er udgået. Vælg en kode, der er i brug.',
		hasCodings: 'Kodebogen er i brug ({codings} kodninger, {entries} klassificerede notater) og kan ikke fjernes. Lad i stedet de koder, der ikke skal bruges, udgå.',
		hasMemos: 'Kodebogens koder har {memos} memoer og kan derfor ikke fjernes. Lad i stedet koderne udgå.',
		noShipped: 'Der findes ingen medfølgende kodebog med den nøgle.',
		invalidFile: 'Filen blev ikke importeret. Ret problemerne og prøv igen:',
		unreadableFile: 'Filen kan ikke læses:',
		noCodes: 'Filen indeholder ingen koder.',
		noFile: 'Vælg en fil.',
		badFileType: 'Vælg en .qdc- eller .csv-fil.',
		missingKey: 'Skriv en nøgle til den nye kodebog.',
		tooLarge: 'Filen er for stor.',
		invalidField: 'Et felt er ikke udfyldt rigtigt (for langt, eller et påkrævet felt er tomt).',
		forbidden: 'Din rolle må ikke ændre kodebøger.',
		unknown: 'Det lykkedes ikke (HTTP {status}).'
	}
};

const en: typeof da = {
	intro: "The project's codebooks and their codes. Codes can be renamed, moved, merged and retired without losing codings: a retired code cannot be used for new codings, but its codings are kept and still shown.",
	readOnly: 'Your role can see the codebooks but not change them.',
	installedTitle: "The project's codebooks",
	noCodebooks: 'The project has no codebooks yet.',
	shippedTitle: 'Shipped codebooks the project does not have',
	allShippedInstalled: 'The project has every shipped codebook.',
	install: 'Add to the project',
	removeBook: 'Remove the codebook',
	removeConfirm: 'Remove the codebook “{book}” from the project? This works only when none of its codes is used.',
	codesCount: '{n} codes',
	retiredCount: '{n} retired',
	codingsCount: '{n} codings',
	memosCount: '{n} memos',
	retired: 'retired',
	key: 'Key',
	labelDa: 'Danish label',
	labelEn: 'English label',
	definition: 'Definition',
	includeNote: 'Include',
	excludeNote: 'Exclude',
	keywords: 'Keywords',
	keywordsHint: 'one per line',
	examples: 'Examples',
	none: '–',
	tools: 'Edit',
	editCode: 'Edit the code',
	editCodeOf: 'Edit “{code}”',
	save: 'Save',
	addChild: 'Add a sub-code',
	addChildTo: 'Add a sub-code to “{code}”',
	addTop: 'Add a top-level code',
	addTopTo: 'Add a top-level code to “{book}”',
	add: 'Add',
	move: 'Move',
	moveCode: 'Move “{code}”',
	newParent: 'New place',
	topLevel: '(top level)',
	merge: 'Merge into another code',
	mergeCode: 'Merge “{code}” into another code',
	mergeInto: 'Merge into',
	chooseCode: 'Choose a code',
	mergeHint: '“{code}” has {n} codings. They move to the chosen code, the sub-codes go along, and “{code}” is retired (it stays readable).',
	mergeConfirm: 'Merge “{from}” into “{into}”? {n} codings move to “{into}”, and “{from}” is retired.',
	mergeButton: 'Merge',
	retire: 'Retire the code',
	unretire: 'Use the code again',
	exportTitle: 'Export',
	exportQdcDa: 'QDC (REFI-QDA), Danish',
	exportQdcEn: 'QDC (REFI-QDA), English',
	exportCsvDa: 'CSV (Excel), Danish',
	exportCsvEn: 'CSV (Excel), English',
	importTitle: 'Import a codebook',
	importIntro: "A REFI-QDA codebook (.qdc) from NVivo, MAXQDA, ATLAS.ti or QualCoder, or a CSV file in Effekt's format (like the export above). The file is imported whole or not at all: if a code has a problem nothing changes, and every problem is shown by line and field. Imported into an existing codebook, new codes are added and existing ones updated; nothing is deleted.",
	importFile: 'File (.qdc or .csv)',
	importInto: 'Import into',
	newCodebook: 'New codebook',
	newKey: 'Key of the new codebook',
	newKeyHint: 'lower-case letters a-z, digits and _, e.g. “my_codebook”',
	newLabel: 'Danish name of the new codebook',
	newLabelEn: 'English name (optional)',
	qdcLang: 'Language of the code names (QDC from other tools)',
	danish: 'Danish',
	english: 'English',
	importButton: 'Import',
	importDone: '“{book}”: {added} codes added, {updated} updated, {unchanged} unchanged.',
	importWarnings: 'Remarks (nothing was left out)',
	importRefused: 'The file was not imported. Fix the problems and try again:',
	line: 'Line',
	field: 'Field',
	problem: 'Problem',
	done: {
		installed: 'The codebook “{book}” is added to the project.',
		removed: 'The codebook “{book}” is removed from the project.',
		added: 'The code “{code}” is added.',
		saved: 'The change is saved.',
		unchanged: 'Nothing to save: the code was like that already.',
		moved: 'The code is moved.',
		merged: '{n} codings moved from “{from}” to “{into}”.',
		retired: 'The code is retired. Its codings are kept.',
		unretired: 'The code is in use again.'
	},
	problems: {
		noCodebook: 'The codebook does not exist (any more) in the project.',
		noCode: 'The code does not exist (any more) in the project.',
		noParent: 'Choose a code in the same codebook.',
		differentCodebook: 'A code moves only within its own codebook. Merge it instead if it belongs in another codebook.',
		duplicateCodebook: 'The project already has a codebook with that key. Import into it, or choose another key.',
		duplicateChildKeys: 'The other codebook already has codes with the keys of the sub-codes: {keys}.',
		duplicateKey: 'The key is taken (perhaps by a change saved at the same time). Try again.',
		badKey: 'A key has only lower-case letters a-z, digits and _ (e.g. “my_codebook”).',
		emptyLabel: 'A code needs a Danish label.',
		emptyBookLabel: 'A new codebook needs a Danish name.',
		cycle: 'A code cannot be placed under itself or under one of its own sub-codes.',
		sameCode: 'A code cannot be merged into itself.',
		retiredTarget: 'The code to merge into is retired. Choose a code in use.',
		hasCodings: 'The codebook is in use ({codings} codings, {entries} classified entries) and cannot be removed. Retire the codes not to be used instead.',
		hasMemos: "The codebook's codes have {memos} memos, so it cannot be removed. Retire the codes instead.",
		noShipped: 'There is no shipped codebook with that key.',
		invalidFile: 'The file was not imported. Fix the problems and try again:',
		unreadableFile: 'The file cannot be read:',
		noCodes: 'The file holds no codes.',
		noFile: 'Choose a file.',
		badFileType: 'Choose a .qdc or .csv file.',
		missingKey: 'Type a key for the new codebook.',
		tooLarge: 'The file is too large.',
		invalidField: 'A field is not filled in correctly (too long, or a required field is empty).',
		forbidden: 'Your role may not change codebooks.',
		unknown: 'That did not work (HTTP {status}).'
	}
};

export type CodebookMessages = typeof da;
export const codebookMessages: Record<Locale, CodebookMessages> = { da, en };

export type CodebookProblemKey = keyof CodebookMessages['problems'];
export type CodebookDoneKey = keyof CodebookMessages['done'];

/** A problem in a file, as the API reports it (reason in the reader's English). */
export interface FileProblem {
	line: number;
	column: string | null;
	reason: string;
}

/** A refused action: the message key, the values it needs, and a file's problems. */
export interface CodebookProblem {
	key: CodebookProblemKey;
	status: number;
	values: Record<string, string | number>;
	fileProblems: FileProblem[];
}

const BY_REASON: Record<string, CodebookProblemKey> = {
	no_codebook: 'noCodebook',
	different_codebook: 'differentCodebook',
	bad_key: 'badKey',
	cycle: 'cycle',
	same_code: 'sameCode',
	retired: 'retiredTarget',
	has_codings: 'hasCodings',
	has_memos: 'hasMemos',
	no_shipped_codebook: 'noShipped',
	invalid_file: 'invalidFile',
	unreadable_file: 'unreadableFile',
	no_codes: 'noCodes'
};

/** Picks the message for an API problem body by status, details.reason and details.field. */
export function codebookProblemFrom(status: number, body: unknown): CodebookProblem {
	const details = ((body as { error?: { details?: Record<string, unknown> } } | null)?.error?.details ?? {}) as Record<string, unknown>;
	const reason = typeof details.reason === 'string' ? details.reason : undefined;
	const field = typeof details.field === 'string' ? details.field : undefined;
	const values: Record<string, string | number> = {};
	for (const name of ['codings', 'entries', 'memos'] as const) if (typeof details[name] === 'number') values[name] = details[name] as number;
	if (Array.isArray(details.keys)) values.keys = details.keys.join(', ');
	const fileProblems = Array.isArray(details.problems) ? (details.problems as FileProblem[]) : [];
	const key = ((): CodebookProblemKey => {
		if (status === 403) return 'forbidden';
		if (status === 413) return 'tooLarge';
		if (reason === 'no_code') return field === 'parentId' ? 'noParent' : 'noCode';
		if (reason === 'duplicate_key') return field === 'into' ? 'duplicateChildKeys' : field === 'key' ? 'duplicateCodebook' : 'duplicateKey';
		if (reason === 'empty_label') return field === 'label' ? 'emptyBookLabel' : 'emptyLabel';
		if (reason && BY_REASON[reason]) return BY_REASON[reason];
		if (status === 400 && field !== undefined) return 'invalidField';
		return 'unknown';
	})();
	return { key, status, values: { ...values, status }, fileProblems };
}

/** Reads a failed response's problem body (or none) into a CodebookProblem. */
export async function codebookProblemOf(response: { status: number; json(): Promise<unknown> }): Promise<CodebookProblem> {
	return codebookProblemFrom(response.status, await response.json().catch(() => null));
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The sentence for a problem in the locale. */
export function codebookProblemText(locale: Locale, problem: Pick<CodebookProblem, 'key' | 'values'>): string {
	return fill(codebookMessages[locale].problems[problem.key], problem.values);
}
