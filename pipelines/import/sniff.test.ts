import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContentMatchesName, sniffContent } from './sniff';
import { ImportFileError } from './types';

const samples = join(import.meta.dirname, '../../fixtures/samples');
const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffContent', () => {
	it('recognises the real fixture exports by content', () => {
		expect(sniffContent(readFileSync(join(samples, 'demo-small/journaler.csv')).subarray(0, 8192), 'journaler.csv')).toBe('text');
		expect(sniffContent(readFileSync(join(samples, 'import-messy-semicolon-cp1252/journaler.csv')).subarray(0, 8192), 'x.csv')).toBe('text');
		const xlsx = readFileSync(join(samples, 'import-xlsx', 'journal.xlsx')).subarray(0, 8192);
		expect(sniffContent(xlsx, 'journaler.xlsx')).toBe('zip');
	});

	it('tells JSON from text after a BOM and whitespace', () => {
		expect(sniffContent(text('\uFEFF \n {"resourceType":"Bundle"}'), 'b.json')).toBe('json');
		expect(sniffContent(text('[{"a":1}]'), 'b')).toBe('json');
		expect(sniffContent(text('Sagsnr;Dato\n1;2'), 'a.csv')).toBe('text');
	});

	it.each([
		['%PDF-1.7', /a PDF document/],
		['\x89PNG\r\n', /a PNG image/],
		['MZ\x90\x00', /a Windows program/]
	])('refuses %j by its first bytes, naming the file', (head, reason) => {
		const input = Uint8Array.from(head, (c) => c.charCodeAt(0));
		expect(() => sniffContent(input, 'eksport.csv')).toThrow(ImportFileError);
		expect(() => sniffContent(input, 'eksport.csv')).toThrow(reason);
		expect(() => sniffContent(input, 'eksport.csv')).toThrow(/eksport\.csv/);
	});

	it('refuses old Office files, UTF-16 and binary content with a NUL byte', () => {
		expect(() => sniffContent(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), 'gammel.xls')).toThrow(/old Office file/);
		expect(() => sniffContent(bytes(0xff, 0xfe, 0x53, 0x00), 'utf16.csv')).toThrow(/UTF-16/);
		expect(() => sniffContent(bytes(0x53, 0x61, 0x00, 0x67), 'x.csv')).toThrow(/NUL byte at byte 3/);
	});
});

describe('checkContentMatchesName', () => {
	it('refuses a name that promises another kind of content', () => {
		expect(() => checkContentMatchesName('text', 'sager.xlsx')).toThrow(/not \(is it a CSV file renamed\?\)/);
		expect(() => checkContentMatchesName('zip', 'sager.csv')).toThrow(/name it \.xlsx/);
		expect(() => checkContentMatchesName('zip', 'sager.xlsx')).not.toThrow();
		expect(() => checkContentMatchesName('json', 'bundle.json')).not.toThrow();
		expect(() => checkContentMatchesName('text', 'eksport')).not.toThrow();
	});
});
