// Types for the CommonJS package danish-ssn (it ships none); used by the tests to make
// CPR numbers that pass modulus 11.
declare module 'danish-ssn' {
	interface CprInfo {
		cpr: string;
		valid: boolean;
		date: Date;
		sex: 'Male' | 'Female';
	}
	interface DanishSsn {
		(cpr: string): CprInfo;
		isValid(cpr: string): boolean;
		validate(cpr: string): string | null;
		validForDate(date: Date): string[];
	}
	const cpr: DanishSsn;
	export default cpr;
}
