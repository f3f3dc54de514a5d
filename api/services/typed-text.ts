// Text that analysts type into the database themselves (memos on cases, codes and
// codings) is not pseudonymised on the way in, as imported journals are: so it must not
// hold an identifier at all. One check for every such field.
import { detectIdentifiers, type IdentifierKind } from '../../pipelines/pseudonymise';
import { AppError } from '../errors';

/**
 * The kinds refused. A CPR number, phone number or e-mail address has a fixed shape, so
 * the detectors rarely mistake ordinary words for one (a memo has no need for a
 * date-valid ten-digit number or an eight-digit run); both confidences count, because a
 * false alarm costs a rewording and a miss stores an identifier. Names, addresses and
 * postcodes are not refused: their detectors key on capitalised words and would refuse
 * memos that name a code, a unit or a method ("Tillid", "Familiehuset Vest").
 */
export const REFUSED_IDENTIFIERS: readonly IdentifierKind[] = ['cpr', 'phone', 'email'];

/** The refused identifier kinds found in `text`, each once, in the order above. */
export function identifierKindsIn(text: string): IdentifierKind[] {
	const found = new Set(detectIdentifiers(text).map((span) => span.kind));
	return REFUSED_IDENTIFIERS.filter((kind) => found.has(kind));
}

/**
 * Refuses typed text that holds a CPR number, phone number or e-mail address: 422 with
 * details { field, reason: 'identifier', kinds }. The answer names the kinds, never the
 * value (it would end up in logs and screenshots).
 */
export function refuseIdentifiers(text: string, field: string): void {
	const kinds = identifierKindsIn(text);
	if (kinds.length) {
		throw new AppError('unprocessable', `the ${field} holds ${kinds.join(', ')}: write it without identifiers`, { field, reason: 'identifier', kinds });
	}
}
