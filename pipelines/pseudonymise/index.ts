// The pseudonymisation pipeline's public API: every text goes through
// createPseudonymiser(key).pseudonymiseText before it is stored.

export { findCprNumbers, cprBirthYear, hasValidCprDate, passesMod11, type CprMatch } from './cpr';
export { findPhoneNumbers, findEmails, findAddresses, findPostcodes } from './patterns';
export { findNames } from './names';
export { detectIdentifiers } from './detect';
export { createPseudonymiser, normaliseIdentifier, type Pseudonymiser, type PseudonymisedText, type ReplacementListener } from './pseudonymiser';
export type { Confidence, IdentifierKind, IdentifierSpan, PatternMatch } from './types';
