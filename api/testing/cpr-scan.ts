// The privacy tests' scanner: CPR numbers in a text, leaving out the workbench's own random
// UUIDs. A UUID's last group is twelve hex digits; about 1 in 300 is all digits (or ten
// digits then letters), and a third of those read as a valid CPR date, so scanning JSON or
// audit rows full of ids found "CPR numbers" in ids the workbench generated itself. Only
// UUID-shaped tokens are left out: a CPR number written inside any other text is found.
import { findCprNumbers, type CprMatch } from '../../pipelines/pseudonymise/index';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

export function cprNumbersOutsideIds(text: string): CprMatch[] {
	return findCprNumbers(text.replace(UUID, (id) => 'x'.repeat(id.length)));
}
