// The one schema for both drivers (PGlite and PostgreSQL). Every large table carries
// project_id and case_id so that Citus can distribute on case_id later; codebooks and
// users are small reference tables. Identifiers from the source systems are stored only
// in pseudonymised form, except the municipal case number (source_case_id), which the
// analyst needs to trace a figure back to the file it came from and which exports hide.
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

export const targetGroup = pgEnum('target_group', ['children', 'adults']);
export const role = pgEnum('role', ['admin', 'analyst', 'leader', 'researcher', 'practitioner']);
export const instrument = pgEnum('instrument', ['ORS', 'CORS', 'YCORS', 'SRS', 'CSRS']);
export const raterType = pgEnum('rater_type', ['client', 'collateral']);
export const codingOrigin = pgEnum('coding_origin', ['manual', 'suggestion', 'import', 'adjudicated']);
export const suggestionStatus = pgEnum('suggestion_status', ['pending', 'accepted', 'rejected', 'edited']);
export const batchStatus = pgEnum('batch_status', ['running', 'committed', 'failed']);
export const batchKind = pgEnum('batch_kind', ['journals', 'cases', 'fit', 'literature', 'codings', 'demo']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const projects = pgTable('projects', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	isDemo: boolean('is_demo').notNull().default(false),
	/** Per-project settings (FIT cutoffs, disclosure threshold, ...), validated by the service that reads them. */
	settings: jsonb('settings').notNull().default({}),
	createdAt: createdAt()
});

/** Facts about this database itself, e.g. the fingerprint of the secret it was set up with. */
export const workbenchSettings = pgTable('workbench_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export const users = pgTable('users', {
	id: uuid('id').primaryKey().defaultRandom(),
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: boolean('is_admin').notNull().default(false),
	disabledAt: timestamp('disabled_at', { withTimezone: true }),
	passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
	createdAt: createdAt()
});

/** Server-side sessions. The id is the SHA-256 of the cookie's token, so a copy of the
 * table (a backup, a log of a query) does not let anyone sign in. Times come from the
 * application's clock, so idle and absolute timeouts can be tested with a fake one. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const projectMembers = pgTable(
	'project_members',
	{
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		/** One role per user and project (api/services/access.ts says what each may do). */
		role: role('role').notNull(),
		/** For the practitioner role: the pseudonymous practitioner whose cases the user may see. */
		practitionerId: uuid('practitioner_id').references(() => practitioners.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.userId] })]
);

export const importBatches = pgTable(
	'import_batches',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		kind: batchKind('kind').notNull(),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		status: batchStatus('status').notNull().default('running'),
		rowsRead: integer('rows_read').notNull().default(0),
		rowsImported: integer('rows_imported').notNull().default(0),
		rowsRejected: integer('rows_rejected').notNull().default(0),
		rowsDuplicate: integer('rows_duplicate').notNull().default(0),
		/** Per-row report: rejected rows with line number, field and reason (never the row's text). */
		report: jsonb('report').notNull().default({}),
		createdBy: uuid('created_by').references(() => users.id),
		createdAt: createdAt(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('import_batches_file_once').on(t.projectId, t.kind, t.sha256)]
);

/** Rows a batch rejected (with --skip-invalid), cells pseudonymised, for the download of rejects. */
export const importRejections = pgTable(
	'import_rejections',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		batchId: uuid('batch_id').notNull().references(() => importBatches.id, { onDelete: 'cascade' }),
		line: integer('line').notNull(),
		row: integer('row').notNull(),
		column: text('column'),
		reason: text('reason').notNull(),
		cells: jsonb('cells').$type<string[]>().notNull().default([])
	},
	(t) => [index('import_rejections_batch').on(t.batchId, t.line)]
);

/** Keyed digests of the names imports have met (authors, caseworkers, people in case
 * metadata): later imports recognise them in text, and no name is ever stored. */
export const nameDigests = pgTable(
	'name_digests',
	{
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		digest: text('digest').notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.digest] })]
);

/** The pseudonym map, kept only when the project's setting asks for it: each original
 * encrypted (AES-256-GCM, key derived from EFFEKT_SECRET and the project). */
export const pseudonymMap = pgTable(
	'pseudonym_map',
	{
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		pseudonym: text('pseudonym').notNull(),
		kind: text('kind').notNull(),
		ciphertext: text('ciphertext').notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.pseudonym] })]
);

export const units = pgTable(
	'units',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		sourceUnitId: text('source_unit_id').notNull(),
		name: text('name').notNull(),
		targetGroup: targetGroup('target_group')
	},
	(t) => [uniqueIndex('units_source').on(t.projectId, t.sourceUnitId)]
);

export const practitioners = pgTable(
	'practitioners',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		/** Keyed pseudonym of the caseworker's id or name in the source system. */
		pseudonym: text('pseudonym').notNull(),
		unitId: uuid('unit_id').references(() => units.id)
	},
	(t) => [uniqueIndex('practitioners_pseudonym').on(t.projectId, t.pseudonym)]
);

export const cases = pgTable(
	'cases',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		sourceCaseId: text('source_case_id').notNull(),
		/** Null while the case is known only from journal or FIT rows (its metadata not imported yet). */
		targetGroup: targetGroup('target_group'),
		/** Age band at intake ("0-5", "6-12", "13-17", "18-29", ...): never the birth date. */
		ageBand: text('age_band'),
		unitId: uuid('unit_id').references(() => units.id),
		practitionerId: uuid('practitioner_id').references(() => practitioners.id),
		startDate: date('start_date', { mode: 'string' }),
		endDate: date('end_date', { mode: 'string' }),
		closingReason: text('closing_reason'),
		batchId: uuid('batch_id').references(() => importBatches.id),
		sourceLine: integer('source_line'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('cases_source').on(t.projectId, t.sourceCaseId),
		index('cases_practitioner').on(t.projectId, t.practitionerId)
	]
);

export const journalEntries = pgTable(
	'journal_entries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		// No foreign key on project_id or batch_id: every row is checked against each
		// key it references, and these two checks were a quarter of the time an import
		// spends writing entries. The entry's case belongs to its project (and is
		// deleted with it, taking the entries along); the batch row is written in the
		// same transaction as its entries, and batches are only deleted with their project.
		projectId: uuid('project_id').notNull(),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		entryDate: date('entry_date', { mode: 'string' }),
		/** Artefact type as given by the source (mapped to the artefacts codebook where possible). */
		entryType: text('entry_type'),
		authorRole: text('author_role'),
		authorId: text('author_id'),
		title: text('title').notNull().default(''),
		/** Pseudonymised before it is written: no CPR, names, phones, e-mails or addresses. */
		text: text('text').notNull(),
		/** The entry's documentation artefact (a code of the project's artefacts codebook). */
		artefactCodeId: uuid('artefact_code_id').references(() => codes.id),
		/** How it was set: from the import's entry type, by rules, or by an analyst. */
		artefactSource: text('artefact_source'),
		batchId: uuid('batch_id'),
		sourceLine: integer('source_line')
	},
	(t) => [index('journal_entries_case').on(t.caseId, t.entryDate)]
);

export const interventions = pgTable(
	'interventions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		measureCode: text('measure_code').notNull(),
		label: text('label').notNull().default(''),
		startDate: date('start_date', { mode: 'string' }),
		endDate: date('end_date', { mode: 'string' }),
		batchId: uuid('batch_id').references(() => importBatches.id),
		sourceLine: integer('source_line')
	},
	(t) => [index('interventions_case').on(t.caseId)]
);

export const fitRatings = pgTable(
	'fit_ratings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		ratingDate: date('rating_date', { mode: 'string' }).notNull(),
		sessionNumber: integer('session_number'),
		instrument: instrument('instrument').notNull(),
		raterType: raterType('rater_type').notNull(),
		raterRole: text('rater_role'),
		item1: doublePrecision('item1'),
		item2: doublePrecision('item2'),
		item3: doublePrecision('item3'),
		item4: doublePrecision('item4'),
		total: doublePrecision('total').notNull(),
		batchId: uuid('batch_id').references(() => importBatches.id),
		sourceLine: integer('source_line')
	},
	(t) => [
		index('fit_ratings_case').on(t.caseId, t.raterType, t.ratingDate),
		check('fit_total_range', sql`${t.total} between 0 and 40`),
		// A record holds all four items or none (only the total): never a mix.
		check(
			'fit_items_all_or_none',
			sql`(${t.item1} is null and ${t.item2} is null and ${t.item3} is null and ${t.item4} is null)
			 or (${t.item1} is not null and ${t.item2} is not null and ${t.item3} is not null and ${t.item4} is not null)`
		),
		check(
			'fit_items_range',
			sql`coalesce(${t.item1}, 0) between 0 and 10 and coalesce(${t.item2}, 0) between 0 and 10
			 and coalesce(${t.item3}, 0) between 0 and 10 and coalesce(${t.item4}, 0) between 0 and 10`
		)
	]
);

export const codebooks = pgTable(
	'codebooks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		/** The shipped codebook's id (e.g. "artefacts"), or a project's own key. */
		key: text('key').notNull(),
		version: text('version').notNull().default('1'),
		labelDa: text('label_da').notNull(),
		labelEn: text('label_en').notNull(),
		level: text('level').notNull().default('segment'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('codebooks_key').on(t.projectId, t.key)]
);

export const codes = pgTable(
	'codes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		codebookId: uuid('codebook_id').notNull().references(() => codebooks.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		parentId: uuid('parent_id'),
		labelDa: text('label_da').notNull(),
		labelEn: text('label_en').notNull(),
		definition: text('definition').notNull().default(''),
		includeNote: text('include_note'),
		excludeNote: text('exclude_note'),
		keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
		patterns: jsonb('patterns').$type<string[]>().notNull().default([]),
		examples: jsonb('examples').$type<string[]>().notNull().default([]),
		sortOrder: integer('sort_order').notNull().default(0),
		/** Retired codes stay readable so that old codings keep their meaning. */
		retiredAt: timestamp('retired_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('codes_key').on(t.codebookId, t.key), index('codes_parent').on(t.parentId)]
);

export const codings = pgTable(
	'codings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		entryId: uuid('entry_id').references(() => journalEntries.id, { onDelete: 'cascade' }),
		codeId: uuid('code_id').notNull().references(() => codes.id),
		/** UTF-16 offsets into the stored (pseudonymised) text; null for whole-entry codes. */
		startOffset: integer('start_offset'),
		endOffset: integer('end_offset'),
		coderId: uuid('coder_id').notNull().references(() => users.id),
		origin: codingOrigin('origin').notNull().default('manual'),
		suggestionId: uuid('suggestion_id'),
		memo: text('memo'),
		createdAt: createdAt()
	},
	(t) => [
		index('codings_case').on(t.caseId, t.entryId),
		index('codings_code').on(t.projectId, t.codeId),
		check('codings_span', sql`${t.startOffset} is null or (${t.startOffset} >= 0 and ${t.endOffset} > ${t.startOffset})`)
	]
);

/** Blind double coding: the cases a project's setting gave to two (or more) coders. Until
 * every assigned coder has marked the case done, each sees only their own codings. */
export const doubleCoding = pgTable(
	'double_coding',
	{
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		coderId: uuid('coder_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		assignedAt: createdAt(),
		doneAt: timestamp('done_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.caseId, t.coderId] }), index('double_coding_project').on(t.projectId, t.coderId)]
);

export const suggestions = pgTable(
	'suggestions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		entryId: uuid('entry_id').notNull().references(() => journalEntries.id, { onDelete: 'cascade' }),
		codeId: uuid('code_id').notNull().references(() => codes.id),
		startOffset: integer('start_offset'),
		endOffset: integer('end_offset'),
		score: real('score').notNull(),
		/** Suggester name and version, e.g. "rules@1" or "nb-hashed@3". */
		model: text('model').notNull(),
		explanation: jsonb('explanation').notNull().default({}),
		status: suggestionStatus('status').notNull().default('pending'),
		decidedBy: uuid('decided_by').references(() => users.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt(),
		/** Which suggester made it: rules, classifier, extraction or artefact. */
		suggester: text('suggester').notNull().default('rules'),
		/** The code's codebook key ("artefacts" for artefact type). */
		codebook: text('codebook').notNull().default(''),
		/** The run that made it (null for runs since deleted). */
		runId: uuid('run_id'),
		/** Accepted by the project's auto-accept setting (artefact type only), not by a person. */
		autoAccepted: boolean('auto_accepted').notNull().default(false)
	},
	(t) => [index('suggestions_queue').on(t.projectId, t.status, t.score), index('suggestions_entry').on(t.entryId)]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		userId: uuid('user_id'),
		action: text('action').notNull(),
		projectId: uuid('project_id'),
		objectType: text('object_type'),
		objectId: text('object_id'),
		/** Never journal text or identifiers: counts, ids and outcomes only. */
		details: jsonb('details').notNull().default({})
	},
	(t) => [index('audit_log_project').on(t.projectId, t.at)]
);

/** Analysts' memos on a case or on a code (memos on a single coding live in codings.memo).
 * Memo text is written by people, not imported: the service refuses text that holds an
 * identifier (CPR number, phone, e-mail) rather than storing it. */
export const memos = pgTable(
	'memos',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
		codeId: uuid('code_id').references(() => codes.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').notNull().references(() => users.id),
		text: text('text').notNull(),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('memos_case').on(t.projectId, t.caseId),
		index('memos_code').on(t.projectId, t.codeId),
		check('memos_one_target', sql`(${t.caseId} is null) <> (${t.codeId} is null)`)
	]
);

/** Case variables an analyst set by hand. The derived values (duration, counts, codes) are
 * computed from the case's data each time; a row here overrides one variable of one case
 * and says who set it and when. */
export const caseVariables = pgTable(
	'case_variables',
	{
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		value: jsonb('value').notNull(),
		setBy: uuid('set_by').notNull().references(() => users.id),
		setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.caseId, t.key] }), index('case_variables_project').on(t.projectId)]
);

/** The adjudication of a double-coded case: who settled the disagreements and when. The
 * agreed version itself is the set of codings with origin 'adjudicated' in the case;
 * `rejectedUnits` holds the ids of the units the adjudicator rejected (kept nothing of), so
 * that a rejection differs from a unit not yet decided (pipelines/adjudication/README.md). */
export const adjudications = pgTable('adjudications', {
	caseId: uuid('case_id').primaryKey().references(() => cases.id, { onDelete: 'cascade' }),
	projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
	adjudicatorId: uuid('adjudicator_id').notNull().references(() => users.id),
	startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
	finishedAt: timestamp('finished_at', { withTimezone: true }),
	rejectedUnits: jsonb('rejected_units').$type<string[]>().notNull().default([])
});

// ---------------------------------------------------------------------------------------
// Literature (step 5): the project's reference library, imported from RIS, BibTeX and
// PubMed/MEDLINE files (pipelines/literature/, api/services/literature-import.ts). Each
// reference remembers the batch and the line of the file it came from.

/** One imported study reference. `doi` is stored normalised (lower case, no resolver
 * prefix) and `dedupeKey` is the normalised title + year + first author's family name
 * (pipelines/literature/dedupe.ts): an import skips a record whose DOI, PMID or key (when
 * no DOI/PMID contradicts it) is already in the project's library. */
export const literatureReferences = pgTable(
	'literature_references',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		batchId: uuid('batch_id').references(() => importBatches.id),
		/** The line of the file the record starts on (1-based). */
		sourceLine: integer('source_line').notNull(),
		/** Normalised reference type: article, book, chapter, conference, thesis, report, other. */
		type: text('type').notNull(),
		/** Null when the source has none (some RIS records carry only notes or a DOI). */
		title: text('title'),
		abstract: text('abstract'),
		/** "Family, Given" per author, in the order of the source. */
		authors: jsonb('authors').$type<string[]>().notNull().default([]),
		year: integer('year'),
		journal: text('journal'),
		volume: text('volume'),
		issue: text('issue'),
		pages: text('pages'),
		doi: text('doi'),
		pmid: text('pmid'),
		url: text('url'),
		keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
		/** ISO 639-1 code when recognised ('en', 'da', ...), else the source's own value. */
		language: text('language'),
		/** The source's fields this table has no column for (tag or field name → values),
		 * and the source format and type as written ('format', 'source_type'). */
		extra: jsonb('extra').$type<Record<string, string[]>>().notNull().default({}),
		/** Null without a title: such a record is matched by DOI or PMID only. */
		dedupeKey: text('dedupe_key'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('literature_references_doi').on(t.projectId, t.doi).where(sql`${t.doi} is not null`),
		uniqueIndex('literature_references_pmid').on(t.projectId, t.pmid).where(sql`${t.pmid} is not null`),
		index('literature_references_dedupe').on(t.projectId, t.dedupeKey),
		index('literature_references_batch').on(t.batchId)
	]
);

// ---- Step 1: interviews and the routine map --------------------------------------------

/** Interview transcripts (step 1): pseudonymised like journals before they are stored. The
 * interviewee is described by role and unit only (never a name). `sha256` is of the stored
 * (pseudonymised) text, so adding the same transcript twice adds nothing. */
export const interviews = pgTable(
	'interviews',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		intervieweeRole: text('interviewee_role').notNull(),
		unit: text('unit').notNull(),
		interviewDate: date('interview_date').notNull(),
		text: text('text').notNull(),
		sha256: text('sha256').notNull(),
		/** Counts per identifier kind replaced on the way in (never the originals). */
		identifiersReplaced: jsonb('identifiers_replaced').notNull().default({}),
		createdBy: uuid('created_by').notNull().references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('interviews_text').on(t.projectId, t.sha256)]
);

/** Codings of interview passages. Kept apart from `codings` (which belong to cases) so that
 * findings, agreement, adjudication, case variables and exports never meet them. */
export const interviewCodings = pgTable(
	'interview_codings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		interviewId: uuid('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
		codeId: uuid('code_id').notNull().references(() => codes.id),
		/** UTF-16 offsets into the stored (pseudonymised) transcript. */
		startOffset: integer('start_offset').notNull(),
		endOffset: integer('end_offset').notNull(),
		coderId: uuid('coder_id').notNull().references(() => users.id),
		memo: text('memo'),
		createdAt: createdAt()
	},
	(t) => [index('interview_codings_interview').on(t.interviewId), check('interview_codings_span', sql`${t.startOffset} >= 0 and ${t.endOffset} > ${t.startOffset}`)]
);

export const routineNodeKind = pgEnum('routine_node_kind', ['actor', 'system', 'artefact']);
export const routineSide = pgEnum('routine_side', ['authority', 'provider']);
export const routineFlowStatus = pgEnum('routine_flow_status', ['working', 'duplicated', 'broken', 'conflicting']);

/** Nodes of the routine map: actors (role, unit, side), systems and artefacts (a code of the
 * project's artefacts codebook). */
export const routineNodes = pgTable(
	'routine_nodes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		kind: routineNodeKind('kind').notNull(),
		label: text('label').notNull(),
		role: text('role'),
		unit: text('unit'),
		side: routineSide('side'),
		/** For systems: case_system, fit_platform, spreadsheet, other. */
		systemKind: text('system_kind'),
		artefactCodeId: uuid('artefact_code_id').references(() => codes.id),
		createdAt: createdAt()
	},
	(t) => [index('routine_nodes_project').on(t.projectId)]
);

/** Flows of the routine map: who hands what (artefact) to whom, through which system, how often. */
export const routineFlows = pgTable(
	'routine_flows',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		fromNodeId: uuid('from_node_id').notNull().references(() => routineNodes.id, { onDelete: 'cascade' }),
		toNodeId: uuid('to_node_id').notNull().references(() => routineNodes.id, { onDelete: 'cascade' }),
		artefactCodeId: uuid('artefact_code_id').references(() => codes.id),
		systemNodeId: uuid('system_node_id').references(() => routineNodes.id, { onDelete: 'set null' }),
		frequency: text('frequency'),
		status: routineFlowStatus('status').notNull().default('working'),
		note: text('note'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('routine_flows_project').on(t.projectId)]
);

/** The interview passages (coded spans) that show a flow's status. */
export const routineFlowPassages = pgTable(
	'routine_flow_passages',
	{
		flowId: uuid('flow_id').notNull().references(() => routineFlows.id, { onDelete: 'cascade' }),
		interviewCodingId: uuid('interview_coding_id').notNull().references(() => interviewCodings.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.flowId, t.interviewCodingId] })]
);

// --- Literature mirror: screening, study coding, effect sizes (issue 9) ---

/** One screener's title/abstract decision on a reference (docs/literature-mirror.md "Screening"). */
export const literatureScreeningDecisions = pgTable(
	'literature_screening_decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		referenceId: uuid('reference_id').notNull().references(() => literatureReferences.id, { onDelete: 'cascade' }),
		/** 'title_abstract' (the one stage so far). */
		stage: text('stage').notNull(),
		screenerId: uuid('screener_id').notNull().references(() => users.id),
		/** 'include' or 'exclude'. */
		decision: text('decision').notNull(),
		/** One of pipelines/literature/prisma.ts EXCLUSION_REASONS when excluded, else null. */
		reason: text('reason'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('literature_screening_once').on(t.referenceId, t.stage, t.screenerId),
		index('literature_screening_project').on(t.projectId, t.stage)
	]
);

/** The final decision on a reference whose two screeners disagreed. */
export const literatureScreeningResolutions = pgTable(
	'literature_screening_resolutions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		referenceId: uuid('reference_id').notNull().references(() => literatureReferences.id, { onDelete: 'cascade' }),
		stage: text('stage').notNull(),
		decision: text('decision').notNull(),
		reason: text('reason'),
		/** 'third_screener' or 'agreement'. */
		method: text('method').notNull(),
		resolvedBy: uuid('resolved_by').notNull().references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('literature_resolution_once').on(t.referenceId, t.stage)]
);

/** The coding of an included study: study fields and the factors it bears on. */
export const literatureStudies = pgTable(
	'literature_studies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		referenceId: uuid('reference_id').notNull().references(() => literatureReferences.id, { onDelete: 'cascade' }),
		design: text('design'),
		population: text('population'),
		country: text('country'),
		intervention: text('intervention'),
		outcomeMeasure: text('outcome_measure'),
		/** Factors studied: 'duration', 'alliance', 'social_spatial'. */
		factors: jsonb('factors').$type<string[]>().notNull().default([]),
		updatedBy: uuid('updated_by').references(() => users.id),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('literature_studies_reference').on(t.referenceId), index('literature_studies_project').on(t.projectId)]
);

/** The project's codebook codes applied to a study. */
export const literatureStudyCodes = pgTable(
	'literature_study_codes',
	{
		studyId: uuid('study_id').notNull().references(() => literatureStudies.id, { onDelete: 'cascade' }),
		codeId: uuid('code_id').notNull().references(() => codes.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.studyId, t.codeId] })]
);

/** An effect size reported by a study, as reported and converted to r and Fisher z on save. */
export const literatureEffectSizes = pgTable(
	'literature_effect_sizes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		studyId: uuid('study_id').notNull().references(() => literatureStudies.id, { onDelete: 'cascade' }),
		/** 'duration', 'alliance' or 'social_spatial'. */
		factor: text('factor').notNull(),
		/** 'r', 'd', 'g' or 'or'. */
		type: text('type').notNull(),
		value: doublePrecision('value').notNull(),
		n: integer('n').notNull(),
		n1: integer('n1'),
		n2: integer('n2'),
		ciLower: doublePrecision('ci_lower'),
		ciUpper: doublePrecision('ci_upper'),
		/** What the estimate describes ("alliance-outcome, youth"); free text, typed. */
		label: text('label'),
		r: doublePrecision('r').notNull(),
		z: doublePrecision('z').notNull(),
		varianceZ: doublePrecision('variance_z').notNull(),
		createdBy: uuid('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('literature_effect_sizes_study').on(t.studyId), index('literature_effect_sizes_factor').on(t.projectId, t.factor)]
);

// ---- Step 6: decisions and improvement cycles -------------------------------------------

/** A leadership decision. `decidedBy` names a body or role ("Ledergruppen"), never a person's
 * identifiers. `indicator` is an optional findings indicator to follow ({ key, rater }). */
export const decisions = pgTable(
	'decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		rationale: text('rationale').notNull(),
		decidedBy: text('decided_by').notNull(),
		decidedOn: date('decided_on', { mode: 'string' }).notNull(),
		status: text('status').notNull(),
		indicator: jsonb('indicator').$type<{ key: string; rater: 'client' | 'collateral' } | null>(),
		createdBy: uuid('created_by').notNull().references(() => users.id),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('decisions_project').on(t.projectId)]
);

/** What a decision rests on: a finding of the findings view (key and rater type), a code of
 * the project (passages coded with it), or one coding. Exactly one target per row. */
export const decisionEvidence = pgTable(
	'decision_evidence',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		decisionId: uuid('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
		findingKey: text('finding_key'),
		rater: text('rater'),
		codeId: uuid('code_id').references(() => codes.id, { onDelete: 'cascade' }),
		codingId: uuid('coding_id').references(() => codings.id, { onDelete: 'cascade' }),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		index('decision_evidence_decision').on(t.decisionId),
		check('decision_evidence_one_target', sql`num_nonnulls(${t.findingKey}, ${t.codeId}, ${t.codingId}) = 1`)
	]
);

/** A development point with the improvement model's three questions: the goal (with its time
 * frame), how improvement will show (signs; optionally a findings indicator), and the change
 * catalogue (change_ideas). */
export const developmentPoints = pgTable(
	'development_points',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		goal: text('goal').notNull(),
		goalDue: date('goal_due', { mode: 'string' }).notNull(),
		signs: text('signs').notNull(),
		indicator: jsonb('indicator').$type<{ key: string; rater: 'client' | 'collateral' } | null>(),
		createdBy: uuid('created_by').notNull().references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('development_points_project').on(t.projectId)]
);

export const changeIdeas = pgTable(
	'change_ideas',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		developmentPointId: uuid('development_point_id').notNull().references(() => developmentPoints.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('change_ideas_point').on(t.developmentPointId)]
);

/** A trial action of a change idea: its place on the improvement board (idea, ongoing, done)
 * and its scale stage (one citizen, several, all staff). Its circles are trial_circles. */
export const trials = pgTable(
	'trials',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		developmentPointId: uuid('development_point_id').notNull().references(() => developmentPoints.id, { onDelete: 'cascade' }),
		changeIdeaId: uuid('change_idea_id').references(() => changeIdeas.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		boardColumn: text('board_column').notNull().default('idea'),
		scaleStage: text('scale_stage').notNull().default('one_citizen'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('trials_project').on(t.projectId)]
);

/** One four-stage learning circle of a trial: plan, try (data), reflect, adjust. */
export const trialCircles = pgTable(
	'trial_circles',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		trialId: uuid('trial_id').notNull().references(() => trials.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		hypothesis: text('hypothesis').notNull(),
		who: text('who').notNull(),
		what: text('what').notNull(),
		place: text('place').notNull(),
		timing: text('timing').notNull(),
		followUp: text('follow_up').notNull(),
		dataCollected: text('data_collected'),
		reflection: text('reflection'),
		adjustment: text('adjustment'),
		adjustmentNote: text('adjustment_note'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('trial_circles_number').on(t.trialId, t.number)]
);

/** A progress meeting at the improvement board: attendees as roles or initials, decisions,
 * and who does what by when. */
export const progressMeetings = pgTable(
	'progress_meetings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		heldOn: date('held_on', { mode: 'string' }).notNull(),
		attendees: jsonb('attendees').$type<string[]>().notNull(),
		decisions: text('decisions').notNull().default(''),
		actions: jsonb('actions').$type<{ what: string; who: string; due: string }[]>().notNull().default([]),
		createdBy: uuid('created_by').notNull().references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('progress_meetings_project').on(t.projectId)]
);

// ---- NLP suggestions (issue 6): runs, stored models, and the decision trail ----

export const suggestionRunStatus = pgEnum('suggestion_run_status', ['running', 'done', 'cancelled', 'failed']);

/** One pass of the suggesters over a project's uncoded entries (or one case's). */
export const suggestionRuns = pgTable(
	'suggestion_runs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
		startedBy: uuid('started_by').notNull().references(() => users.id),
		status: suggestionRunStatus('status').notNull().default('running'),
		/** Entries to read, entries read so far, suggestions stored. */
		total: integer('total').notNull().default(0),
		processed: integer('processed').notNull().default(0),
		created: integer('created').notNull().default(0),
		autoAccepted: integer('auto_accepted').notNull().default(0),
		modelVersion: integer('model_version'),
		cancelRequested: boolean('cancel_requested').notNull().default(false),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [index('suggestion_runs_project').on(t.projectId, t.startedAt)]
);

/** A project's learned classifier, one row per version (the engine's NlpModel as JSON). */
export const nlpModels = pgTable(
	'nlp_models',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		model: jsonb('model').notNull(),
		/** Labelled examples it was trained from: accepted codings and rejected suggestions. */
		examples: integer('examples').notNull(),
		positives: integer('positives').notNull(),
		/** Of them, people's decisions (codings and rejections): an incremental update checks these still stand. */
		decisions: integer('decisions').notNull().default(0),
		trainedBy: uuid('trained_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('nlp_models_version').on(t.projectId, t.version)]
);

/** Every human (or auto-accept) decision on a suggestion, and its undoing: who and when. */
export const suggestionEvents = pgTable(
	'suggestion_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
		suggestionId: uuid('suggestion_id').notNull().references(() => suggestions.id, { onDelete: 'cascade' }),
		/** accept, reject, edit, undo, auto_accept. */
		action: text('action').notNull(),
		/** Null for auto-accept (no person decided). */
		userId: uuid('user_id').references(() => users.id),
		codingId: uuid('coding_id'),
		/** Bulk decisions share an id. */
		bulkId: uuid('bulk_id'),
		/** What undo needs to restore (e.g. the entry's earlier artefact); never journal text. */
		details: jsonb('details').notNull().default({}),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('suggestion_events_suggestion').on(t.suggestionId, t.at)]
);
