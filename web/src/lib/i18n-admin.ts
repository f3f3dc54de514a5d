// Messages for the account pages (users, audit log, project members, own account), and
// the mapping from the API's problem bodies to them: the pages show a Danish sentence
// chosen by error code and details.field/reason, never the API's English text.
import { messages, type Locale } from './i18n';

const da = {
	usersTitle: 'Brugere',
	usersIntro: 'Workbenchens konti. En deaktiveret bruger kan ikke logge ind, og en ny adgangskode afslutter brugerens sessioner.',
	createUser: 'Opret bruger',
	username: 'Brugernavn',
	usernameHint: 'små bogstaver, tal og . _ @ -',
	displayName: 'Navn',
	password: 'Adgangskode',
	passwordHint: 'mindst 8 tegn, gerne 15 eller flere; ingen krav om tal eller tegn',
	isAdmin: 'Administrator af workbenchen',
	admin: 'Administrator',
	yes: 'ja',
	no: 'nej',
	status: 'Status',
	active: 'Aktiv',
	disabled: 'Deaktiveret',
	noPassword: 'Ingen adgangskode',
	projects: 'Projekter',
	noProjects: 'Ingen projekter',
	actions: 'Handlinger',
	disable: 'Deaktivér',
	enable: 'Aktivér',
	makeAdmin: 'Gør til administrator',
	unmakeAdmin: 'Fjern administratorrolle',
	newPassword: 'Ny adgangskode',
	setPassword: 'Sæt adgangskode',
	userCreated: 'Brugeren {username} er oprettet.',
	userUpdated: 'Ændringen er gemt.',
	passwordSet: 'Adgangskoden er sat; brugerens sessioner er afsluttet.',
	you: '(dig)',

	logTitle: 'Log',
	logIntro: 'Hvem gjorde hvad og hvornår. Loggen kan ikke ændres. Tidspunkter vises i dansk tid; hold musen over for UTC.',
	filter: 'Vis',
	allActions: 'Alle hændelser',
	show: 'Vis',
	older: 'Ældre hændelser',
	newest: 'Nyeste',
	time: 'Tidspunkt',
	user: 'Bruger',
	action: 'Hændelse',
	object: 'Objekt',
	details: 'Detaljer',
	noEvents: 'Ingen hændelser.',
	groups: {
		'auth.': 'Log ind og ud',
		'user.': 'Brugere',
		'member.': 'Projektmedlemmer',
		import: 'Import',
		'case.': 'Sager',
		'project.': 'Projekter',
		'demo.': 'Demoprojekt',
		'codebook.': 'Kodebøger',
		'double_coding.': 'Dobbeltkodning',
		'memo.': 'Memoer'
	},
	actionLabels: {
		'auth.login': 'Logget ind',
		'auth.login_failed': 'Mislykket login',
		'auth.login_throttled': 'Login spærret (for mange forsøg)',
		'auth.logout': 'Logget ud',
		'user.first_admin': 'Første administrator oprettet',
		'user.created': 'Bruger oprettet',
		'user.password_set': 'Adgangskode sat af administrator',
		'user.password_changed': 'Egen adgangskode skiftet',
		'user.disabled': 'Bruger deaktiveret',
		'user.enabled': 'Bruger aktiveret',
		'user.role_changed': 'Administratorrolle ændret',
		'member.role_set': 'Projektrolle givet',
		'member.removed': 'Fjernet fra projekt',
		'import.commit': 'Import gennemført',
		'import.rejected': 'Import afvist',
		'case.text_viewed': 'Journaltekst vist',
		'case.variable_set': 'Sagsvariabel sat',
		'case.variable_cleared': 'Sagsvariabel ryddet',
		'case.text_searched': 'Søgt i journaltekst',
		'user.password_change_failed': 'Forkert nuværende adgangskode ved skift',
		'codebook.installed': 'Kodebog tilføjet projektet',
		'codebook.removed': 'Kodebog fjernet fra projektet',
		'codebook.imported': 'Kodebog importeret',
		'codebook.code_added': 'Kode tilføjet',
		'codebook.code_renamed': 'Kode redigeret',
		'codebook.code_moved': 'Kode flyttet',
		'codebook.codes_merged': 'Koder slået sammen',
		'codebook.code_retired': 'Kode udfaset',
		'codebook.code_unretired': 'Kode taget i brug igen',
		'entry.artefact_set': 'Dokumenttype rettet',
		'documentation.classified': 'Dokumenttyper klassificeret',
		'double_coding.assigned': 'Sager udtrukket til dobbeltkodning',
		'double_coding.done': 'Dobbeltkodning meldt færdig',
		'double_coding.reopened': 'Dobbeltkodning genåbnet af koder',
		'double_coding.adjudication_decided': 'Afstemning: version valgt',
		'double_coding.adjudication_agreed_accepted': 'Afstemning: enige kodninger godtaget',
		'double_coding.adjudicated': 'Afstemning afsluttet',
		'double_coding.adjudication_reopened': 'Afstemning genåbnet',
		'memo.created': 'Memo skrevet',
		'memo.updated': 'Memo rettet',
		'memo.deleted': 'Memo slettet',
		'project.created': 'Projekt oprettet',
		'project.pseudonym_map': 'Pseudonymnøgle ændret',
		'demo.load': 'Demoprojekt indlæst'
	} as Record<string, string>,
	objectTypes: { user: 'bruger', project: 'projekt', case: 'sag', batch: 'importkørsel', file: 'fil' } as Record<string, string>,

	membersTitle: 'Medlemmer',
	membersIntro: 'Hvem har adgang til projektet, og med hvilken rolle. Workbenchens administratorer har altid adgang.',
	noMembers: 'Projektet har endnu ingen medlemmer.',
	setMember: 'Tilføj medlem eller skift rolle',
	chooseUser: 'Vælg bruger',
	userId: 'Brugernavn',
	userIdHint: 'Kun workbenchens administratorer kan se listen over brugere: skriv brugerens brugernavn.',
	practitioner: 'Behandler (pseudonym)',
	practitionerHint: 'Rollen Behandler ser kun sine egne sager, og skal derfor knyttes til en behandler i projektet.',
	choosePractitioner: 'Vælg behandler',
	noPractitioners: 'Projektet har endnu ingen behandlere; importér sager først.',
	casesCount: '{n} sager',
	save: 'Gem',
	remove: 'Fjern',
	memberSaved: 'Medlemmet er gemt.',
	memberRemoved: 'Medlemmet er fjernet.',
	projectLog: 'Projektets log (de seneste 50 hændelser)',

	accountTitle: 'Min konto',
	myProjects: 'Mine projekter',
	changePassword: 'Skift adgangskode',
	currentPassword: 'Nuværende adgangskode',
	repeatPassword: 'Gentag ny adgangskode',
	changePasswordHint: 'Når adgangskoden er skiftet, logges du ud alle steder og skal logge ind igen.',

	problems: {
		usernameInvalid: 'Brugernavnet må have 1-64 tegn: små bogstaver a-z, tal og . _ @ -, og skal begynde med et bogstav eller tal.',
		usernameCpr: 'Brugernavnet må ikke indeholde et CPR-nummer.',
		usernameTaken: 'Brugernavnet er optaget.',
		displayNameTooLong: 'Navnet er for langt.',
		passwordTooShort: 'Adgangskoden skal have mindst 8 tegn (gerne 15 eller flere).',
		passwordTooLong: 'Adgangskoden må højst have 256 tegn.',
		passwordCommon: 'Adgangskoden er på listen over ofte brugte adgangskoder. Vælg en anden.',
		passwordSameAsUsername: 'Adgangskoden må ikke være brugernavnet.',
		passwordMismatch: 'De to nye adgangskoder er ikke ens.',
		currentWrong: 'Den nuværende adgangskode er forkert.',
		missing: 'Udfyld feltet.',
		lastAdmin: 'Den sidste administrator kan ikke deaktiveres eller miste rollen.',
		practitionerRequired: 'Vælg den behandler, medlemmet skal knyttes til.',
		userNotFound: 'Brugeren findes ikke.',
		memberNotFound: 'Brugeren er ikke medlem af projektet.',
		forbidden: 'Du har ikke ret til at gøre dette.',
		unknown: 'Det lykkedes ikke (HTTP {status}).'
	}
};

const en: typeof da = {
	usersTitle: 'Users',
	usersIntro: "The workbench's accounts. A disabled user cannot sign in, and a new password ends the user's sessions.",
	createUser: 'Create user',
	username: 'Username',
	usernameHint: 'lower-case letters, digits and . _ @ -',
	displayName: 'Name',
	password: 'Password',
	passwordHint: 'at least 8 characters, preferably 15 or more; no rules about digits or symbols',
	isAdmin: 'Workbench administrator',
	admin: 'Administrator',
	yes: 'yes',
	no: 'no',
	status: 'Status',
	active: 'Active',
	disabled: 'Disabled',
	noPassword: 'No password',
	projects: 'Projects',
	noProjects: 'No projects',
	actions: 'Actions',
	disable: 'Disable',
	enable: 'Enable',
	makeAdmin: 'Make administrator',
	unmakeAdmin: 'Remove administrator role',
	newPassword: 'New password',
	setPassword: 'Set password',
	userCreated: 'The user {username} is created.',
	userUpdated: 'The change is saved.',
	passwordSet: "The password is set; the user's sessions have ended.",
	you: '(you)',

	logTitle: 'Log',
	logIntro: 'Who did what, and when. The log cannot be changed. Times are shown in Danish time; hover for UTC.',
	filter: 'Show',
	allActions: 'All events',
	show: 'Show',
	older: 'Older events',
	newest: 'Newest',
	time: 'Time',
	user: 'User',
	action: 'Event',
	object: 'Object',
	details: 'Details',
	noEvents: 'No events.',
	groups: {
		'auth.': 'Sign-in and sign-out',
		'user.': 'Users',
		'member.': 'Project members',
		import: 'Import',
		'case.': 'Cases',
		'project.': 'Projects',
		'demo.': 'Demo project',
		'codebook.': 'Codebooks',
		'double_coding.': 'Double coding',
		'memo.': 'Memos'
	},
	actionLabels: {
		'auth.login': 'Signed in',
		'auth.login_failed': 'Failed sign-in',
		'auth.login_throttled': 'Sign-in blocked (too many attempts)',
		'auth.logout': 'Signed out',
		'user.first_admin': 'First administrator created',
		'user.created': 'User created',
		'user.password_set': 'Password set by administrator',
		'user.password_changed': 'Own password changed',
		'user.disabled': 'User disabled',
		'user.enabled': 'User enabled',
		'user.role_changed': 'Administrator role changed',
		'member.role_set': 'Project role given',
		'member.removed': 'Removed from project',
		'import.commit': 'Import committed',
		'import.rejected': 'Import rejected',
		'case.text_viewed': 'Journal text viewed',
		'case.variable_set': 'Case variable set',
		'case.variable_cleared': 'Case variable cleared',
		'case.text_searched': 'Journal text searched',
		'user.password_change_failed': 'Wrong current password at change',
		'codebook.installed': 'Codebook added to the project',
		'codebook.removed': 'Codebook removed from the project',
		'codebook.imported': 'Codebook imported',
		'codebook.code_added': 'Code added',
		'codebook.code_renamed': 'Code edited',
		'codebook.code_moved': 'Code moved',
		'codebook.codes_merged': 'Codes merged',
		'codebook.code_retired': 'Code retired',
		'codebook.code_unretired': 'Code brought back',
		'entry.artefact_set': 'Document type corrected',
		'documentation.classified': 'Document types classified',
		'double_coding.assigned': 'Cases drawn for double coding',
		'double_coding.done': 'Double coding marked done',
		'double_coding.reopened': 'Double coding reopened by coder',
		'double_coding.adjudication_decided': 'Adjudication: version chosen',
		'double_coding.adjudication_agreed_accepted': 'Adjudication: agreed codings accepted',
		'double_coding.adjudicated': 'Adjudication finished',
		'double_coding.adjudication_reopened': 'Adjudication reopened',
		'memo.created': 'Memo written',
		'memo.updated': 'Memo edited',
		'memo.deleted': 'Memo deleted',
		'project.created': 'Project created',
		'project.pseudonym_map': 'Pseudonym key changed',
		'demo.load': 'Demo project loaded'
	},
	objectTypes: { user: 'user', project: 'project', case: 'case', batch: 'import batch', file: 'file' },

	membersTitle: 'Members',
	membersIntro: "Who has access to the project, and in which role. The workbench's administrators always have access.",
	noMembers: 'The project has no members yet.',
	setMember: 'Add a member or change a role',
	chooseUser: 'Choose user',
	userId: 'Username',
	userIdHint: "Only the workbench's administrators can see the list of users: type the user's username.",
	practitioner: 'Practitioner (pseudonym)',
	practitionerHint: 'The Practitioner role sees only their own cases, so it must be linked to a practitioner in the project.',
	choosePractitioner: 'Choose practitioner',
	noPractitioners: 'The project has no practitioners yet; import cases first.',
	casesCount: '{n} cases',
	save: 'Save',
	remove: 'Remove',
	memberSaved: 'The member is saved.',
	memberRemoved: 'The member is removed.',
	projectLog: "The project's log (the latest 50 events)",

	accountTitle: 'My account',
	myProjects: 'My projects',
	changePassword: 'Change password',
	currentPassword: 'Current password',
	repeatPassword: 'Repeat new password',
	changePasswordHint: 'Once the password is changed you are signed out everywhere and sign in again.',

	problems: {
		usernameInvalid: 'A username has 1-64 characters: lower-case letters a-z, digits and . _ @ -, starting with a letter or digit.',
		usernameCpr: 'A username must not contain a CPR number.',
		usernameTaken: 'The username is taken.',
		displayNameTooLong: 'The name is too long.',
		passwordTooShort: 'The password needs at least 8 characters (15 or more recommended).',
		passwordTooLong: 'The password may have at most 256 characters.',
		passwordCommon: 'The password is on the list of commonly used passwords. Choose another.',
		passwordSameAsUsername: 'The password must not be the username.',
		passwordMismatch: 'The two new passwords differ.',
		currentWrong: 'The current password is wrong.',
		missing: 'Fill in the field.',
		lastAdmin: 'The last administrator cannot be disabled or lose the role.',
		practitionerRequired: 'Choose the practitioner the member is linked to.',
		userNotFound: 'The user does not exist.',
		memberNotFound: 'The user is not a member of the project.',
		forbidden: 'You may not do this.',
		unknown: 'That did not work (HTTP {status}).'
	}
};

export type AdminMessages = typeof da;
export const adminMessages: Record<Locale, AdminMessages> = { da, en };

export type ProblemKey = keyof AdminMessages['problems'];
/** A problem to show next to a form field (or above the form when the field is 'form'). */
export interface Problem {
	field: string;
	key: ProblemKey;
	status: number;
}

const PASSWORD_REASONS: Record<string, ProblemKey> = {
	too_short: 'passwordTooShort',
	too_long: 'passwordTooLong',
	common: 'passwordCommon',
	same_as_username: 'passwordSameAsUsername'
};

/** Picks the message for an API problem body by its status, details.field and details.reason. */
export function problemFrom(status: number, body: unknown): Problem {
	const error = (body as { error?: { code?: string; message?: string; details?: { field?: string; reason?: string } } } | null)?.error;
	const field = error?.details?.field ?? 'form';
	const reason = error?.details?.reason;
	const key = ((): ProblemKey => {
		if (status === 403) return 'forbidden';
		if (field === 'password' && reason && PASSWORD_REASONS[reason]) return PASSWORD_REASONS[reason];
		if (field === 'password' && status === 400) return 'passwordTooLong'; // the route's own length cap
		if (field === 'username') return reason === 'taken' ? 'usernameTaken' : reason === 'cpr' ? 'usernameCpr' : 'usernameInvalid';
		if (field === 'displayName') return 'displayNameTooLong';
		if (field === 'current') return 'currentWrong';
		if (field === 'practitionerId') return 'practitionerRequired';
		if (reason === 'last_admin') return 'lastAdmin';
		if (reason === 'no_member') return 'memberNotFound';
		if (reason === 'no_user') return 'userNotFound';
		return 'unknown';
	})();
	return { field, key, status };
}

/** Reads a failed response's problem body (or none) into a Problem. */
export async function problemOf(response: { status: number; json(): Promise<unknown> }): Promise<Problem> {
	return problemFrom(response.status, await response.json().catch(() => null));
}

/** The sentence for a problem in the locale. */
export function problemText(locale: Locale, problem: Problem): string {
	return adminMessages[locale].problems[problem.key].replace('{status}', String(problem.status));
}

/** An audit time in the locale's format, in Danish time (the workbench's users are in Denmark). */
export function formatAuditTime(locale: Locale, iso: string): string {
	return new Date(iso).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'medium' });
}

/** An event's details as compact key=value text. */
export function detailsText(details: Record<string, unknown>): string {
	return Object.entries(details)
		.map(([key, value]) => `${key}=${value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
		.join(' ');
}

/** An event's object in words: its type, and a name where one is known (else a short id). */
export function auditObjectText(locale: Locale, type: string | null, id: string | null, names: ReadonlyMap<string, string>): string {
	if (!type) return '';
	const name = id ? names.get(id) ?? id.slice(0, 8) : '';
	return `${adminMessages[locale].objectTypes[type] ?? type} ${name}`.trim();
}

/** A known action in words, or its code. */
export function actionLabel(locale: Locale, action: string): string {
	return adminMessages[locale].actionLabels[action] ?? action;
}

/** The audit filter's groups of actions (prefixes the API matches with LIKE 'prefix%'). */
export const AUDIT_GROUPS = ['auth.', 'user.', 'member.', 'import', 'case.', 'codebook.', 'double_coding.', 'memo.', 'project.', 'demo.'] as const;

export { ROLES } from './roles';
