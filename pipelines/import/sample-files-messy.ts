// Messy but valid exports: Windows-1252 with ';' and CRLF (every Danish date form,
// decimal commas, quoted multi-line text with ';' and doubled quotes, CPR numbers in the
// text, "Name (SB02)" authors, old SEL § 52 labels), and UTF-8 with ',' and English headers.
import { cp1252, csvText, utf8, type SampleFolder } from './sample-csv';

const CRLF = '\r\n';

const messyJournals = [
	['Sagsnummer', 'Notatdato', 'Dokumenttype', 'Titel', 'Oprettet af', 'Faggruppe', 'Notattekst'],
	['2019-0042', '03-03-2019', 'Underretning', 'Underretning fra skolen', 'Mette Kjær (SB02)', 'Socialrådgiver', 'Skolen underretter om Emil (CPR 120310-1234); han har "ondt i maven" hver morgen.\r\nMor, Lone Hansen, er orienteret – hun kan nås på 23 45 67 89.\r\nUnderretningen er modtaget 3. marts.'],
	['2019-0042', '4.3.2019', 'Notat', 'Telefonsamtale med mor', 'SB02', 'Socialrådgiver', 'Mor ringede og bekræftede aftalen – mødet er flyttet til kl. 10.'],
	['2019-0042', '05.03.19', '§ 50-undersøgelse', 'Opstart af børnefaglig undersøgelse', 'Mette Kjær (SB02)', 'Socialrådgiver', 'Der iværksættes børnefaglig undersøgelse; jf. SEL § 50.\nFar (CPR 0101801235) deltager.'],
	['2019-0042', '6. marts 2019', 'Børnesamtale', 'Samtale med Emil', 'Mette Kjær (SB02)', 'Socialrådgiver', 'Emil fortæller, at han er glad for sin lærer; "hun er sød", siger han.'],
	['2019-0042', '7. mar. 2019', 'Handleplan', 'Handleplan (§ 140)', 'SB02', 'Socialrådgiver', 'Handleplanen er udarbejdet. Budget: 1.200 € pr. måned.'],
	['2019-0042', '08/03/2019', 'Afgørelse', 'Afgørelse om familiebehandling', 'Jens Ole Hansen', 'Teamleder', 'Der er truffet afgørelse om familiebehandling efter SEL § 52, stk. 3, nr. 3.'],
	['2019-0043', '2019-03-09', 'Bevilling', 'Bevilling', 'SB03', 'Socialrådgiver', 'Bevilget kontaktperson – se bilag.'],
	['2019-0043', '10-03-19', 'Telefonnotat', 'Opringning fra lærer', '', 'Socialrådgiver', 'Lærer ringede ’i dag’ angående fravær.'],
	['2020-0100', '1. januar 2020', 'VUM', 'Udredning', 'Anne Berg (VOK7)', 'Socialrådgiver', 'Udredning efter VUM – borgeren (CPR 311270-1238) ønsker støtte.'],
	['2020-0100', '2. feb. 2020', 'Intern mail', 'Mail fra leder', 'VOK7', 'Leder', 'Kort besked om sagen.'],
	['2020-0100', '3. sept. 2020', 'Statusudtalelse', 'Status fra bostøtten', 'VOK7', 'Bostøttemedarbejder', 'Status: borgeren klarer sig bedre.\r\nNæste møde aftales "snarest".'],
	['2020-0100', '17.12.2020', 'Afslutningsnotat', 'Afslutning', 'VOK7', 'Socialrådgiver', 'Sagen afsluttes efter aftale.'],
	// Excel leaves rows of empty cells at the end of a sheet saved as CSV.
	['', '', '', '', '', '', '']
];

const messyCases = [
	['Sagsnummer', 'Målgruppe', 'Alder', 'Afdeling', 'Sagsbehandler', 'Startdato', 'Afslutningsdato', 'Årsag til afslutning', 'Foranstaltninger', 'Mor', 'Far'],
	['2019-0042', 'Børn og unge', '9', 'Familieafdelingen Nord', 'Mette Kjær (SB02)', '01.02.2019', '15. december 2019', 'Aftalt afslutning', 'Familiebehandling (SEL § 52, stk. 3, nr. 3); Aflastningsordning (SEL § 52, stk. 3, nr. 5)', 'Lone Hansen', 'Peter Hansen'],
	['2019-0043', 'Børn', '15', 'Familieafdelingen Nord', 'SB03', '1-3-2019', '30.6.2020', 'Borgeren afsluttede', 'Personlig rådgiver eller fast kontaktperson (SEL § 52, stk. 3, nr. 6)\r\nAnbringelse uden for hjemmet (SEL § 52, stk. 3, nr. 7)', 'Fatima Ali', ''],
	['2020-0100', 'Voksne', '', 'Voksenhandicap', 'Anne Berg (VOK7)', '2. januar 2020', '', 'Fraflytning', 'Socialpædagogisk støtte (SEL § 85) | Beskyttet beskæftigelse (SEL § 103)', '', ''],
	['2018-0007', '', '34', 'Voksenrådgivningen', 'VOK7', '05.05.18', '20.12.19', 'Overført', 'Weekendophold hos moster', '', ''],
	['2024-0001', 'Børn og unge', '7', 'Familieafdelingen Syd', 'SB02', '3. feb. 2024', '', '', 'Familiebehandling (BL § 32, stk. 1, nr. 5) | Anbringelse uden for hjemmet (BL § 46)', 'Maria Jensen og Ole Jensen', ''],
	['2021-0200', 'Børn og unge', '12', 'Familieafdelingen Syd', 'SB03', '01-09-2021', '31-08-2022', 'Borger afsluttede', 'Fast kontaktperson', '', '']
];

const messyFit = [
	['Sagsnummer', 'Dato', 'Sessionsnr', 'Skema', 'Bedømmer', 'Rolle', 'Spm1', 'Spm2', 'Spm3', 'Spm4', 'Samlet score'],
	['2019-0042', '06-03-2019', '1', 'CORS', 'Klient', 'Barn', '4,5', '5,0', '6,1', '4,4', '20,0'],
	['2019-0042', '06-03-2019', '1', 'CSRS', 'Klient', 'Barn', '9,0', '8,5', '9,5', '9,0', '36'],
	['2019-0042', '06-03-2019', '1', 'ORS', 'Parallelbedømmer', 'Mor', '', '', '', '', '18,7'],
	['2019-0042', '06-03-2019', '1', 'ORS', 'Lærer', '', '5.1', '5.2', '5.3', '5.4', '21.0'],
	['2019-0042', '3. april 2019', '2', 'cors', 'klient', '', '6,0', '6,0', '6,0', '6,5', ''],
	['2019-0042', '3. april 2019', '2', 'CSRS', 'Klient', '', '', '', '', '', '37,5'],
	['2020-0100', '15.01.20', '1', 'ORS', 'Klient', '', '3,4', '3,3', '3,3', '3,3', '13,3'],
	['2020-0100', '15.01.20', '1', 'SRS', 'Klient', '', '10', '10', '10', '10', '40'],
	['2020-0100', '12. feb. 2020', '2', 'ORS', 'Klient', '', '', '', '', '', '0'],
	['2020-0100', '12. feb. 2020', '2', 'SRS', 'Klient', '', '', '', '', '', '35,9']
];

const englishJournals = [
	['case_id', 'date', 'entry_type', 'title', 'author', 'author_id', 'role', 'text'],
	['C-1001', '2021-05-04', 'Report of concern', 'Concern from school', 'Karen Holm', 'KH1', 'caseworker', 'School reports concerns about attendance, sleep and mood.'],
	['C-1001', '2021-05-10T09:30:00', 'Case note', 'Home visit', 'Karen Holm', 'KH1', 'caseworker', 'Home visit.\nMother said: "we are coping, mostly".\nNext visit in two weeks.'],
	['C-1001', '2021-06-01 14:00', 'Child interview', 'Talk with the child', '', 'KH1', 'caseworker', 'The child says school is better now.'],
	['C-1002', '2021-07-15', 'Decision/grant', 'Grant of family treatment', 'Peter Lund (PL2)', '', 'team leader', 'Family treatment granted for 6 months.'],
	['C-1002', '2021-08-01', 'journalnotat', 'Note', '', '', '', 'Short note, with a comma.']
];

const englishCases = [
	['case_id', 'target_group', 'age_at_start', 'unit', 'caseworker_id', 'start_date', 'end_date', 'closing_reason', 'interventions', 'citizen_name'],
	['C-1001', 'children', '10', 'Family North', 'KH1', '2021-05-01', '2022-01-31', 'Agreed ending', 'Familiebehandling (BL § 32, stk. 1, nr. 5);Fast kontaktperson (BL § 32, stk. 1, nr. 3)', 'Sara Nielsen'],
	['C-1002', 'adults', '42', 'Adults', 'PL2', '2021-07-01', '', 'Moved away', 'Socialpædagogisk støtte (SEL § 85)', 'Henrik Madsen']
];

const englishFit = [
	['case_id', 'date', 'session', 'instrument', 'rater', 'rater_role', 'item1', 'item2', 'item3', 'item4', 'total'],
	['C-1001', '2021-05-10', '1', 'CORS', 'client', 'child', '5.5', '4.5', '6.0', '5.0', '21.0'],
	['C-1001', '2021-05-10', '1', 'CSRS', 'client', 'child', '', '', '', '', '35.5'],
	['C-1001', '2021-05-10', '1', 'ORS', 'collateral', 'mother', '', '', '', '', '19.9'],
	['C-1002', '2021-07-20', '1', 'ORS', 'client', '', '2.0', '3.0', '4.0', '5.0', '14.0'],
	['C-1002', '2021-07-20', '1', 'SRS', 'client', '', '9.9', '9.8', '9.7', '9.6', '39.0']
];

export const messySamples: Record<string, SampleFolder> = {
	'import-messy-semicolon-cp1252': {
		about: 'Windows-1252, ";", CRLF; every Danish date form, decimal commas, quoted multi-line text with ";" and doubled quotes, CPR numbers in text, "Name (SB02)" authors, old SEL § 52 labels, a trailing row of empty cells. Every row is valid.',
		files: {
			'journaler.csv': {
				bytes: cp1252(csvText(messyJournals, ';', CRLF)),
				expected: {
					kind: 'journals', encoding: 'windows-1252', delimiter: ';', rows: 12, accepted: 12, rejected: [],
					records: {
						1: { date: '2019-03-03', entryType: 'underretning', authorName: 'Mette Kjær', authorId: 'SB02', authorRole: 'Socialrådgiver', text: 'Skolen underretter om Emil (CPR 120310-1234); han har "ondt i maven" hver morgen.\nMor, Lone Hansen, er orienteret – hun kan nås på 23 45 67 89.\nUnderretningen er modtaget 3. marts.' },
						2: { date: '2019-03-04', entryType: 'journalnotat', entryTypeLabel: 'Notat', authorName: null, authorId: 'SB02' },
						3: { date: '2019-03-05', entryType: 'boernefaglig_undersoegelse', text: 'Der iværksættes børnefaglig undersøgelse; jf. SEL § 50.\nFar (CPR 0101801235) deltager.' },
						4: { date: '2019-03-06', entryType: 'boernesamtale', text: 'Emil fortæller, at han er glad for sin lærer; "hun er sød", siger han.' },
						5: { date: '2019-03-07', entryType: 'handleplan', title: 'Handleplan (§ 140)', text: 'Handleplanen er udarbejdet. Budget: 1.200 € pr. måned.' },
						6: { date: '2019-03-08', entryType: 'afgoerelse_bevilling', authorName: 'Jens Ole Hansen', authorId: null },
						7: { date: '2019-03-09', entryType: 'afgoerelse_bevilling', entryTypeLabel: 'Bevilling' },
						8: { date: '2019-03-10', entryType: 'journalnotat', authorName: null, authorId: null, text: 'Lærer ringede ’i dag’ angående fravær.' },
						9: { date: '2020-01-01', entryType: 'vum_udredning', authorName: 'Anne Berg', authorId: 'VOK7' },
						10: { date: '2020-02-02', entryType: null, entryTypeLabel: 'Intern mail' },
						11: { date: '2020-09-03', entryType: 'statusudtalelse', text: 'Status: borgeren klarer sig bedre.\nNæste møde aftales "snarest".' },
						12: { date: '2020-12-17', entryType: 'afslutningsnotat' }
					}
				}
			},
			'sager.csv': {
				bytes: cp1252(csvText(messyCases, ';', CRLF)),
				expected: {
					kind: 'cases', encoding: 'windows-1252', delimiter: ';', rows: 6, accepted: 6, rejected: [],
					warnings: [{ line: 6, row: 4, column: 'Foranstaltninger', reason: 'unknown intervention "Weekendophold hos moster" (kept without a measure code)' }],
					records: {
						1: {
							targetGroup: 'children', ageAtStart: 9, caseworkerName: 'Mette Kjær', caseworkerId: 'SB02', startDate: '2019-02-01', endDate: '2019-12-15', closingReason: 'aftalt_afslutning',
							interventions: [
								{ measureCode: 'bl32_1_5_familiebehandling', label: 'Familiebehandling (SEL § 52, stk. 3, nr. 3)' },
								{ measureCode: 'bl32_1_7_stoetteophold', label: 'Aflastningsordning (SEL § 52, stk. 3, nr. 5)' }
							],
							personNames: ['Lone Hansen', 'Peter Hansen']
						},
						2: {
							targetGroup: 'children', startDate: '2019-03-01', endDate: '2020-06-30', closingReason: 'borger_afsluttede',
							interventions: [
								{ measureCode: 'bl32_1_3_fast_kontaktperson', label: 'Personlig rådgiver eller fast kontaktperson (SEL § 52, stk. 3, nr. 6)' },
								{ measureCode: 'bl46_anbringelse_med_samtykke', label: 'Anbringelse uden for hjemmet (SEL § 52, stk. 3, nr. 7)' }
							],
							personNames: ['Fatima Ali']
						},
						3: {
							targetGroup: 'adults', ageAtStart: null, caseworkerName: 'Anne Berg', caseworkerId: 'VOK7', startDate: '2020-01-02', endDate: null, closingReason: 'fraflytning',
							interventions: [
								{ measureCode: 'sel_85_socialpaedagogisk_stoette', label: 'Socialpædagogisk støtte (SEL § 85)' },
								{ measureCode: 'sel_103_beskyttet_beskaeftigelse', label: 'Beskyttet beskæftigelse (SEL § 103)' }
							]
						},
						4: { targetGroup: 'adults', ageAtStart: 34, startDate: '2018-05-05', endDate: '2019-12-20', closingReason: 'overflyttet', closingReasonLabel: 'Overført', interventions: [{ measureCode: null, label: 'Weekendophold hos moster' }] },
						5: {
							startDate: '2024-02-03', closingReason: null, closingReasonLabel: null,
							interventions: [
								{ measureCode: 'bl32_1_5_familiebehandling', label: 'Familiebehandling (BL § 32, stk. 1, nr. 5)' },
								{ measureCode: 'bl46_anbringelse_med_samtykke', label: 'Anbringelse uden for hjemmet (BL § 46)' }
							],
							personNames: ['Maria Jensen', 'Ole Jensen']
						},
						6: { closingReason: 'borger_afsluttede', interventions: [{ measureCode: 'bl32_1_3_fast_kontaktperson', label: 'Fast kontaktperson' }] }
					}
				}
			},
			'fit.csv': {
				bytes: cp1252(csvText(messyFit, ';', CRLF)),
				expected: {
					kind: 'fit', encoding: 'windows-1252', delimiter: ';', rows: 10, accepted: 10, rejected: [],
					records: {
						1: { date: '2019-03-06', sessionNumber: 1, instrument: 'CORS', raterType: 'client', raterRole: 'Barn', items: [4.5, 5, 6.1, 4.4], total: 20 },
						3: { instrument: 'ORS', raterType: 'collateral', raterRole: 'Mor', items: null, total: 18.7 },
						4: { raterType: 'collateral', raterRole: 'lærer', items: [5.1, 5.2, 5.3, 5.4], total: 21 },
						5: { date: '2019-04-03', instrument: 'CORS', raterType: 'client', total: 24.5 },
						7: { date: '2020-01-15', total: 13.3 },
						9: { date: '2020-02-12', items: null, total: 0 }
					}
				}
			}
		}
	},
	'import-comma-utf8-iso': {
		about: 'UTF-8 without BOM, ",", LF, English headers and labels, ISO dates (some with a time).',
		files: {
			'journals.csv': {
				bytes: utf8(csvText(englishJournals, ',', '\n')),
				expected: {
					kind: 'journals', encoding: 'utf-8', delimiter: ',', rows: 5, accepted: 5, rejected: [],
					records: {
						1: { caseId: 'C-1001', date: '2021-05-04', entryType: 'underretning', authorName: 'Karen Holm', authorId: 'KH1', authorRole: 'caseworker' },
						2: { date: '2021-05-10', entryType: 'journalnotat', text: 'Home visit.\nMother said: "we are coping, mostly".\nNext visit in two weeks.' },
						3: { date: '2021-06-01', entryType: 'boernesamtale', authorName: null, authorId: 'KH1' },
						4: { entryType: 'afgoerelse_bevilling', authorName: 'Peter Lund', authorId: 'PL2' },
						5: { entryType: 'journalnotat', title: 'Note', authorRole: null, text: 'Short note, with a comma.' }
					}
				}
			},
			'cases.csv': {
				bytes: utf8(csvText(englishCases, ',', '\n')),
				expected: {
					kind: 'cases', encoding: 'utf-8', delimiter: ',', rows: 2, accepted: 2, rejected: [],
					records: {
						1: {
							targetGroup: 'children', ageAtStart: 10, unit: 'Family North', caseworkerId: 'KH1', startDate: '2021-05-01', endDate: '2022-01-31', closingReason: 'aftalt_afslutning',
							interventions: [
								{ measureCode: 'bl32_1_5_familiebehandling', label: 'Familiebehandling (BL § 32, stk. 1, nr. 5)' },
								{ measureCode: 'bl32_1_3_fast_kontaktperson', label: 'Fast kontaktperson (BL § 32, stk. 1, nr. 3)' }
							],
							personNames: ['Sara Nielsen']
						},
						2: { targetGroup: 'adults', closingReason: 'fraflytning', interventions: [{ measureCode: 'sel_85_socialpaedagogisk_stoette', label: 'Socialpædagogisk støtte (SEL § 85)' }], personNames: ['Henrik Madsen'] }
					}
				}
			},
			'fit.csv': {
				bytes: utf8(csvText(englishFit, ',', '\n')),
				expected: {
					kind: 'fit', encoding: 'utf-8', delimiter: ',', rows: 5, accepted: 5, rejected: [],
					records: {
						1: { instrument: 'CORS', raterType: 'client', raterRole: 'child', items: [5.5, 4.5, 6, 5], total: 21 },
						3: { raterType: 'collateral', raterRole: 'mother', items: null, total: 19.9 },
						5: { instrument: 'SRS', items: [9.9, 9.8, 9.7, 9.6], total: 39 }
					}
				}
			}
		}
	}
};
