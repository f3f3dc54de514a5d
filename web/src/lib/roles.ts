// Role names in the user's language.
import type { Role } from '../../../api/services/access';
import type { Messages } from './i18n';

const KEYS: Record<Role, keyof Messages> = {
	admin: 'roleAdmin',
	analyst: 'roleAnalyst',
	leader: 'roleLeader',
	researcher: 'roleResearcher',
	practitioner: 'rolePractitioner'
};

export function roleLabel(t: Messages, role: Role): string {
	return t[KEYS[role]];
}
