// Shared shapes of the pseudonymisation pipeline: what a detector reports and what the
// merged detection hands to the pseudonymiser.

/** High: the form alone identifies it (a labelled or check-digit-valid CPR, a +45 phone). */
export type Confidence = 'high' | 'medium';

export type IdentifierKind = 'cpr' | 'phone' | 'email' | 'address' | 'name' | 'postcode';

/** A detector's find: UTF-16 offsets into the text, `value` = text.slice(start, end). */
export interface PatternMatch {
	start: number;
	end: number;
	value: string;
	confidence: Confidence;
}

export interface IdentifierSpan extends PatternMatch {
	kind: IdentifierKind;
}
