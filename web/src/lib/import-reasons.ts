// The import's problem texts in Danish. The import pipeline (pipelines/import) writes its
// reasons in English, because the CLI, the JSON contract and the rejected-rows file share
// them; the web page is Danish first, so it shows each reason through these rules. A rule
// matches the whole reason after an optional prefix (a file name, "file:line: "), which is
// kept as it is; values quoted from the file are carried over untouched. A reason no rule
// knows is shown as written (import-reasons.test.ts checks that every reason the sample
// files give has a rule).

type Rule = [pattern: RegExp, danish: (...groups: string[]) => string];

const MONTHS: Record<string, string> = {
	January: 'januar', February: 'februar', March: 'marts', April: 'april', May: 'maj', June: 'juni',
	July: 'juli', August: 'august', September: 'september', October: 'oktober', November: 'november', December: 'december'
};

/** Phrases inside a reason that recur in several rules. */
function phrases(s: string): string {
	return s
		.replace(/\(expected dd-mm-yyyy, dd\.mm\.yy, d\. måned yyyy or yyyy-mm-dd\)/, '(forventet dd-mm-åååå, dd.mm.åå, d. måned åååå eller åååå-mm-dd)')
		.replace(/ \(use ";", "," or tab\)/, ' (brug ";", "," eller tabulator)');
}

const q = String.raw`("(?:[^"]|"")*"|'[^']*')`;

const RULES: Rule[] = [
	// Values and dates (pipelines/import/values.ts)
	[new RegExp(String.raw`impossible date ${q} \((\w+) (\d+) has (\d+) days\)`), (v, m, y, n) => `umulig dato ${v} (${MONTHS[m] ?? m} ${y} har ${n} dage)`],
	[new RegExp(String.raw`impossible date ${q} \(month (\d+)\)`), (v, m) => `umulig dato ${v} (måned ${m})`],
	[new RegExp(String.raw`impossible date ${q} \(time (\d+:\d+)\)`), (v, t) => `umulig dato ${v} (klokkeslæt ${t})`],
	[new RegExp(String.raw`implausible year in date ${q}`), (v) => `usandsynligt årstal i datoen ${v}`],
	[/date is empty/, () => 'datoen er tom'],
	[new RegExp(String.raw`unknown month ${q} in date ${q}`), (m, v) => `ukendt måned ${m} i datoen ${v}`],
	[new RegExp(String.raw`unrecognised date ${q} (\(.*\))`), (v, rest) => phrases(`ukendt datoformat ${v} ${rest}`)],
	[/empty/, () => 'tom'],
	[new RegExp(String.raw`two decimal separators in ${q}`), (v) => `to decimaltegn i ${v}`],
	[new RegExp(String.raw`not a whole number: ${q}`), (v) => `ikke et helt tal: ${v}`],
	[new RegExp(String.raw`not a number: ${q}`), (v) => `ikke et tal: ${v}`],
	[new RegExp(String.raw`number too large: ${q}`), (v) => `tallet er for stort: ${v}`],
	// Rows (cases.ts, journals.ts, fit.ts, duplicates.ts)
	[/case id is empty/, () => 'sagsnummeret er tomt'],
	[/text is empty/, () => 'teksten er tom'],
	[/instrument is empty/, () => 'instrumentet er tomt'],
	[/rater is empty/, () => 'bedømmeren er tom'],
	[new RegExp(String.raw`age ${q} is outside 0-120`), (v) => `alderen ${v} ligger uden for 0-120`],
	[new RegExp(String.raw`unknown target group ${q} \(expected Børn og unge or Voksne\)`), (v) => `ukendt målgruppe ${v} (forventet Børn og unge eller Voksne)`],
	[/no target group: the target group and the age are both empty/, () => 'ingen målgruppe: både målgruppe og alder er tomme'],
	[/end date (\S+) is before start date (\S+)/, (e, s) => `slutdatoen ${e} ligger før startdatoen ${s}`],
	[new RegExp(String.raw`unknown intervention ${q} \(kept without a measure code\)`), (v) => `ukendt indsats ${v} (gemt uden foranstaltningskode)`],
	[new RegExp(String.raw`unknown closing reason ${q} \(kept as a label\)`), (v) => `ukendt afslutningsårsag ${v} (gemt som tekst)`],
	[new RegExp(String.raw`session ${q} must be 1 or more`), (v) => `sessionen ${v} skal være 1 eller mere`],
	[new RegExp(String.raw`session ${q} is not a session number \(at most 9999\)`), (v) => `sessionen ${v} er ikke et sessionsnummer (højst 9999)`],
	[new RegExp(String.raw`Unknown instrument ${q} \(expected ORS, CORS, YCORS, SRS or CSRS\)`), (v) => `ukendt instrument ${v} (forventet ORS, CORS, YCORS, SRS eller CSRS)`],
	[new RegExp(String.raw`unknown rater ${q} \(expected Klient/client or Parallelbedømmer/collateral\)`), (v) => `ukendt bedømmer ${v} (forventet Klient eller Parallelbedømmer)`],
	[new RegExp(String.raw`item ${q} is outside 0-10`), (v) => `itemscoren ${v} ligger uden for 0-10`],
	[/(\d) of 4 items given \(a rating holds all four items or only the total\)/, (n) => `${n} af 4 items udfyldt (en måling har alle fire items eller kun totalen)`],
	[/no score: the total and all four items are empty/, () => 'ingen score: totalen og alle fire items er tomme'],
	[new RegExp(String.raw`total ${q} is outside 0-40`), (v) => `totalen ${v} ligger uden for 0-40`],
	[/items sum to (\S+) but total is (\S+)/, (a, b) => `items summerer til ${a}, men totalen er ${b}`],
	[/duplicate of row (\d+)/, (n) => `dublet af række ${n}`],
	[new RegExp(String.raw`case id ${q} is already on row (\d+) with different values`), (v, n) => `sagsnummeret ${v} findes allerede i række ${n} med andre værdier`],
	[/row has (\d+) cells? but the header has (\d+) \(a line break outside quotes\?\)/, (a, b) => `rækken har ${a} celler, men overskriften har ${b} (et linjeskift uden for anførselstegn?)`],
	[/row has (\d+) cells? but the header has (\d+) \(a delimiter outside quotes\?\)/, (a, b) => `rækken har ${a} celler, men overskriften har ${b} (et skilletegn uden for anførselstegn?)`],
	// The file as a whole (read.ts, csv-records.ts, delimiter.ts, headers.ts, encoding.ts, sniff.ts)
	[/empty file/, () => 'tom fil'],
	[/file not found/, () => 'filen findes ikke'],
	[/header only: the file has no data rows/, () => 'kun overskrifter: filen har ingen datarækker'],
	[/missing required columns?: (.*) \(headers found: (.*)\)/, (c, h) => `mangler påkrævede kolonner: ${c.replace('(or item1-item4)', '(eller item1-item4)')} (fundne overskrifter: ${h})`],
	[/quoted field opened on line (\d+) is not closed before the end of the file \(truncated file\?\)/, (n) => `et felt i anførselstegn, der begynder på linje ${n}, lukkes ikke før filens slutning (er filen afkortet?)`],
	[/unexpected text after a closing quote \(a quote inside a quoted field must be doubled\)/, () => 'uventet tekst efter et afsluttende anførselstegn (et anførselstegn inde i et felt skal skrives dobbelt)'],
	[/wrong delimiter: the header ("(?:[^"]|"")*") is one column; its names are separated by (.*)/, (h, rest) => `forkert skilletegn: overskriften ${h} er én kolonne; navnene er adskilt af ${phrases(rest)}`],
	[/wrong delimiter: the header is separated by (\S+) but the rows are not/, (d) => `forkert skilletegn: overskriften er adskilt af ${d}, men rækkerne er ikke`],
	[/mixed encodings: UTF-8 and Windows-1252 characters in one file( \(incomplete UTF-8 sequence at the end\))?/, (end) => `blandede tegnsæt: UTF-8- og Windows-1252-tegn i samme fil${end ? ' (ufuldstændig UTF-8-sekvens til sidst)' : ''}`],
	[/UTF-16 text is not supported: save the file as UTF-8 or Windows-1252/, () => 'UTF-16-tekst understøttes ikke: gem filen som UTF-8 eller Windows-1252'],
	[/lines end in CR only \(old Mac format\): save the file with CRLF or LF line ends/, () => 'linjerne ender kun med CR (gammelt Mac-format): gem filen med CRLF- eller LF-linjeskift'],
	[/binary content \(NUL byte\): not a text file/, () => 'binært indhold (NUL-byte): ikke en tekstfil'],
	[/the file is binary \(a NUL byte at byte (\d+)\), not an export \(CSV, XLSX or JSON\)/, (n) => `filen er binær (en NUL-byte ved byte ${n}), ikke en eksport (CSV, XLSX eller JSON)`],
	[/the file is (.+), not an export \(CSV, XLSX or JSON\)/, (what) => `filen er ${what}, ikke en eksport (CSV, XLSX eller JSON)`],
	[/old Excel files \(\.xls\) are not supported: save as \.xlsx or CSV/, () => 'gamle Excel-filer (.xls) understøttes ikke: gem som .xlsx eller CSV'],
	[/the name says Excel or zip, but the content is not \(is it a CSV file renamed\?\)/, () => 'navnet siger Excel eller zip, men indholdet er det ikke (er det en omdøbt CSV-fil?)'],
	[/the name says CSV or text, but the content is a zip or Excel workbook: name it \.xlsx/, () => 'navnet siger CSV eller tekst, men indholdet er en zip-fil eller et Excel-ark: giv den endelsen .xlsx'],
	[/column mapping names fields (\w+) do not have: (.*)/, (kind, list) => `kolonnetilknytningen nævner felter, som ${kind} ikke har: ${list}`],
	// Zip archives, workbooks and document folders (formats/)
	[/refused as a possible zip bomb: (.*)/, (detail) => `afvist som mulig zip-bombe: ${detail}`],
	[/an entry points outside the archive \((.*)\); such an archive is not read/, (detail) => `en fil i arkivet peger uden for arkivet (${detail}); sådan et arkiv læses ikke`],
	[/not an? (XLSX|DOCX|ZIP) file \((.*)\)/, (kind, detail) => `ikke en ${kind}-fil (${detail.replace(/^not a zip archive$/, 'ikke et zip-arkiv').replace(/^an empty zip archive$/, 'et tomt zip-arkiv')})`],
	[/the workbook has no sheets/, () => 'projektmappen har ingen ark'],
	[/sheet '(.*)' is empty/, (s) => `arket '${s}' er tomt`],
	[/sheet '(.*)' has a header but no data rows/, (s) => `arket '${s}' har overskrifter, men ingen datarækker`],
	[/not a folder \(expected one sub-folder per case, named by case id\)/, () => 'ikke en mappe (forventet én undermappe pr. sag, navngivet efter sagsnummeret)'],
	[/no \.docx or \.txt documents in any case folder/, () => 'ingen .docx- eller .txt-dokumenter i nogen sagsmappe'],
	[/is not inside a case folder \(put each case in a sub-folder named by its case id\)/, () => 'ligger ikke i en sagsmappe (læg hver sag i en undermappe navngivet efter sagsnummeret)'],
	[/unsupported document type '(.*?)': only \.docx and \.txt are read; save it as one of those(.*)/, (ext, more) => `dokumenttypen '${ext}' kan ikke læses: kun .docx og .txt læses; gem dokumentet som en af dem${more.replace(/^ \(and (\d+) more: /, ' (og $1 mere: ')}`],
	[/is (.+); documents over (.+) are refused/, (size, limit) => `fylder ${size}; dokumenter over ${limit} afvises`],
	[/not a readable DOCX document: (.*)/, (detail) => `ikke et læsbart DOCX-dokument: ${detail}`]
];

const COMPILED = RULES.map(([pattern, danish]) => [new RegExp(`^(.*?)(?:${pattern.source})$`, 's'), danish] as const);

/** The reason in the page's language: Danish by the rules above, English as written. */
export function importReason(reason: string, locale: 'da' | 'en'): string {
	if (locale === 'en') return reason;
	for (const [pattern, danish] of COMPILED) {
		const match = pattern.exec(reason);
		if (!match) continue;
		const [, prefix, ...groups] = match;
		// A rule for a short reason ("empty") must not match the end of a longer English one.
		if (prefix !== '' && !/(: |^)$/.test(prefix)) continue;
		return prefix + danish(...groups.map((g) => g ?? ''));
	}
	return reason;
}
