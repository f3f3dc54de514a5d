// The problems a codebook file (QDC or CSV) can have, in Danish. The readers in
// pipelines/codebook-exchange word them in English with the offending value quoted; this
// maps each wording to a Danish sentence with the same values, so the import report on
// the codebook page never shows English. codebook-problems.test.ts feeds the readers
// every sample file and checks that each problem they report has a translation here.
import type { Locale } from './i18n';

type Rule = readonly [RegExp, string];

// $1, $2 … are the pattern's groups: ids, lines and values from the user's own file.
const RULES: readonly Rule[] = [
	// CSV rows (csv-read.ts, csv-tree.ts)
	[/^unknown column \(column (\d+)\): ignored$/, 'ukendt kolonne (kolonne $1): ignoreret'],
	[/^the row has (\d+) cells but the header (\d+)$/, 'rækken har $1 celler, men overskriften har $2'],
	[/^empty id$/, 'tomt id'],
	[/^"(.*)" is not a lower_snake_case id \(.*e\.g\. "(.*)"\)$/, '«$1» er ikke et gyldigt id: små bogstaver a-z, tal og _ (æ→ae, ø→oe, å→aa), f.eks. «$2»'],
	[/^"(.*)" is not a lower_snake_case id$/, '«$1» er ikke et gyldigt id: små bogstaver a-z, tal og _'],
	[/^duplicate id "(.*)" \(first on line (\d+)\)$/, 'id «$1» findes allerede (første gang på linje $2)'],
	[/^a code cannot be its own parent$/, 'en kode kan ikke være sin egen overordnede kode'],
	[/^empty Danish label$/, 'den danske betegnelse er tom'],
	[/^"(.*)" is not ja\/nej \(yes\/no\)$/, '«$1» er hverken ja eller nej'],
	[/^pattern (.*) does not compile: .*$/s, 'mønsteret $1 er ikke et gyldigt regulært udtryk'],
	[/^parent "(.*)" is left out \(line (\d+)\)$/, 'den overordnede kode «$1» er udeladt (linje $2)'],
	[/^unknown parent "(.*)"$/, 'ukendt overordnet kode «$1»'],
	[/^parent_id makes a cycle of (\d+) codes: (.*)$/, 'parent_id danner en ring af $1 koder: $2'],
	[/^parent_id makes a cycle: (.*)$/, 'parent_id danner en ring: $1'],
	[/^code "(.*)" has no label$/, 'koden «$1» har ingen betegnelse'],
	// Files that cannot be read at all (csv-read.ts, csv-records.ts, qdc-parse.ts)
	[/^empty file$/, 'filen er tom'],
	[/^column "(.*)" appears twice in the header$/, 'kolonnen «$1» står to gange i overskriften'],
	[/^missing required columns?: (.*) \(columns found: (.*)\)$/, 'mangler kolonnen/kolonnerne $1 (fundne kolonner: $2)'],
	[/^quoted field opened on line (\d+) is not closed before the end of the file.*$/, 'et felt i anførselstegn fra linje $1 lukkes ikke før filens slutning (er filen afkortet?)'],
	[/^unexpected text after a closing quote.*$/, 'tekst efter et afsluttende anførselstegn (et anførselstegn inde i et felt skal skrives dobbelt)'],
	[/^record longer than (.*) MB.*$/, 'en række er længere end $1 MB'],
	[/^not XML: the file starts with "(.*)", not with <\?xml or <CodeBook>$/, 'filen er ikke XML: den begynder med «$1», ikke med <?xml eller <CodeBook>'],
	[/^not well-formed XML: a bare "&" \(write it as &amp;\)$/, 'filen er ikke korrekt XML: et «&» skal skrives som &amp;'],
	[/^not well-formed XML: <(.*)> opened on line (\d+) is not closed$/, 'filen er ikke korrekt XML: <$1> fra linje $2 lukkes ikke'],
	[/^not well-formed XML: unexpected close tag (.*) while <(.*)> opened on line (\d+) is still open$/, 'filen er ikke korrekt XML: $1 lukker, mens <$2> fra linje $3 stadig er åben'],
	[/^not well-formed XML: .*$/s, 'filen er ikke korrekt XML'],
	[/^not a REFI-QDA codebook: .*REFI-QDA project.*$/s, 'filen er et REFI-QDA-projekt, ikke en kodebog: eksportér kodebogen alene som .qdc'],
	[/^not a REFI-QDA codebook: .*$/s, 'filen er ikke en REFI-QDA-kodebog (rodelementet skal være <CodeBook>)'],
	[/^codes nested more than (\d+) levels deep$/, 'koderne ligger mere end $1 niveauer inde i hinanden'],
	// QDC codes (qdc-read.ts, qdc-parse.ts)
	[/^the codebook has no codes$/, 'kodebogen har ingen koder'],
	[/^Id "(.*)" is used by an earlier code: .*$/, 'id «$1» bruges af en tidligere kode: id dannes ud fra navnet i stedet'],
	[/^Id "(.*)" is not a lower_snake_case id: .*$/, 'id «$1» er ikke gyldigt: id dannes ud fra navnet i stedet'],
	[/^Code without a name$/, 'kode uden navn'],
	[/^colour "(.*)" is not #rrggbb: ignored$/, 'farven «$1» er ikke #rrggbb: ignoreret'],
	[/^GUID (.*) is also used by code "(.*)"$/, 'GUID $1 bruges også af koden «$2»'],
	[/^code "(.*)": (\d+) line\(s\) of the Description are not sections \(kept in the description\)$/, 'koden «$1»: $2 linje(r) i beskrivelsen er ikke afsnit (beholdt i beskrivelsen)'],
	[/^Set without a name$/, 'sæt uden navn'],
	[/^Set without a valid GUID$/, 'sæt uden gyldigt GUID'],
	[/^set member (.*) is not a code in this file: ignored$/, 'sætmedlemmet $1 er ikke en kode i filen: ignoreret'],
	[/^Code without isCodable: taken as codable$/, 'kode uden isCodable: regnet som kodbar'],
	[/^isCodable "(.*)" is not true or false: taken as codable$/, 'isCodable «$1» er hverken true eller false: regnet som kodbar'],
	[/^Code without a GUID: one is made from its id$/, 'kode uden GUID: et dannes ud fra id'],
	[/^"(.*)" is not a GUID: one is made from the id$/, '«$1» er ikke et GUID: et dannes ud fra id'],
	[/^element <(.*)> is not expected in <(.*)>: ignored$/, 'elementet <$1> hører ikke til i <$2>: ignoreret'],
	[/^MemberCode without a guid: ignored$/, 'MemberCode uden guid: ignoreret'],
	[/^text in <(.*)> outside a Description: ignored$/, 'tekst i <$1> uden for en Description: ignoreret'],
	[/^a second Description in <(.*)>: added to the first$/, 'en ekstra Description i <$1>: føjet til den første']
];

/** The Danish sentence for a reader's problem, or null when the wording is not known here. */
export function danishExchangeProblem(reason: string): string | null {
	for (const [pattern, danish] of RULES) {
		const match = pattern.exec(reason);
		if (match) return danish.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
	}
	return null;
}

/** A problem's reason in the locale: English as the reader wrote it, Danish translated (never English on the Danish page). */
export function exchangeProblemText(locale: Locale, reason: string): string {
	if (locale === 'en') return reason;
	return danishExchangeProblem(reason) ?? 'problem i filen (se linjen og feltet)';
}

/** The column of a problem in the locale ("column 65" from the XML reader becomes "kolonne 65"). */
export function exchangeColumnText(locale: Locale, column: string | null): string {
	if (column === null) return '–';
	return locale === 'da' ? column.replace(/^column (\d+)$/, 'kolonne $1') : column;
}
