// The project roles, in the order forms offer them, and their names in the user's language.
import type { Role } from '../../../api/services/access';
import { messages, type Locale, type Messages } from './i18n';

export const ROLES = ['admin', 'analyst', 'leader', 'researcher', 'practitioner'] as const satisfies readonly Role[];

const KEYS: Record<Role, keyof Messages> = {
	admin: 'roleAdmin',
	analyst: 'roleAnalyst',
	leader: 'roleLeader',
	researcher: 'roleResearcher',
	practitioner: 'rolePractitioner'
};

/** A role in words, given the messages or the locale. */
export function roleLabel(t: Messages | Locale, role: Role): string {
	return (typeof t === 'string' ? messages[t] : t)[KEYS[role]];
}
