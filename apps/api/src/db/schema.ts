/**
 * The database schema. Every row a unit owns carries unit_id, so a second FoU unit can share an install later.
 * Dates are ISO strings (YYYY-MM-DD) so they sort and compare as text; activities also keep the year as an
 * integer because every report groups by it and an index on (unit_id, year, …) serves them all.
 */
import { sql } from 'drizzle-orm';
import { TEXT_WARNING_KINDS } from '@fou/domain';
import {
  sqliteTable,
  integer,
  text,
  primaryKey,
  uniqueIndex,
  index,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
};

/**
 * The FoU units of the install. Each owns its municipalities, registers, goal frameworks, plans, accounts and
 * activities; an install administrator creates them. `county` groups units for the regional comparison, which
 * shows a unit's aggregates (never its activities) only when the unit has chosen to share them.
 */
export const units = sqliteTable('units', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  /** The county (län) the unit works in, as written by the install administrator: "Stockholms län". */
  county: text('county'),
  /** The unit's own choice (its chief's): show its yearly aggregates in the regional comparison. Off until chosen. */
  sharesComparison: integer('shares_comparison', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
});

export const municipalities = sqliteTable(
  'municipalities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('municipalities_unit_code').on(t.unitId, t.code)],
);

/** Population (and the fee it paid) per municipality and year: the fee follows the population. */
export const municipalityYears = sqliteTable(
  'municipality_years',
  {
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    population: integer('population'),
    feeSek: integer('fee_sek'),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.year] })],
);

/** Activity areas, two levels: groups (ifo, bou, vuxen) and the leaves under a group (ekb, missbruk, socpsyk). */
export const areas = sqliteTable(
  'areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The name in English, shown when a user chooses English (optional: the Swedish name otherwise). */
    nameEn: text('name_en'),
    reportLabel: text('report_label'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => areas.id),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('areas_unit_code').on(t.unitId, t.code), index('areas_parent').on(t.parentId)],
);

/** A goal framework (VP 2018's result goals, VP 2024's pillars) and the dates it applies to. */
export const goalFrameworks = sqliteTable(
  'goal_frameworks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    ...timestamps,
  },
  (t) => [uniqueIndex('goal_frameworks_unit_code').on(t.unitId, t.code)],
);

/** Goals share a stable key across frameworks, which is how reports line up years under different plans. */
export const goals = sqliteTable(
  'goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => goalFrameworks.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** English has one name for both the long and the short places: an English reader gets it in full. */
    nameEn: text('name_en'),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('goals_framework_key').on(t.frameworkId, t.key)],
);

/**
 * Names a goal had before it was renamed, and the day the new name took over. Reports label a year with the
 * name in force at its end, so renaming a goal later does not rewrite earlier years' tables.
 */
export const goalNameHistory = sqliteTable(
  'goal_name_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** The first day the name was no longer in use (YYYY-MM-DD). */
    replacedOn: text('replaced_on').notNull(),
  },
  (t) => [index('goal_name_history_goal').on(t.goalId, t.replacedOn)],
);

export const activityTypes = sqliteTable(
  'activity_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('activity_types_unit_name').on(t.unitId, t.name)],
);

/** Assignments (uppdrag/projekt) that activities belong to: BAS-utbildning, Öppna jämförelser… */
export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    description: text('description'),
    line: text('line', { enum: ['forsta', 'andra'] }),
    startYear: integer('start_year'),
    endYear: integer('end_year'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('assignments_unit_title').on(t.unitId, t.title)],
);

/** Staff: their names are the only personal data the product holds. */
export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text('name').notNull(),
    title: text('title'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [index('staff_unit').on(t.unitId)],
);

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    date: text('date').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    goalId: integer('goal_id').notNull().references(() => goals.id),
    areaId: integer('area_id').notNull().references(() => areas.id),
    typeId: integer('type_id').notNull().references(() => activityTypes.id),
    format: text('format', { enum: ['fysiskt', 'digitalt', 'hybrid'] }).notNull(),
    participants: integer('participants'),
    assignmentId: integer('assignment_id').references(() => assignments.id),
    line: text('line', { enum: ['forsta', 'andra'] }),
    planItemId: integer('plan_item_id').references((): AnySQLiteColumn => planItems.id, { onDelete: 'set null' }),
    /**
     * The explicit choice "ingen ägarkommun" (a national network, another FoU unit): an activity names at least one
     * owner municipality or says this, so every activity accounts for a municipality. Rows from before the choice
     * existed may have neither; the reports show them as "ingen kommun angiven".
     */
    noOwnerMunicipality: integer('no_owner_municipality', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // The list: filter by unit, keyset on (date, id).
    index('activities_unit_date_id').on(t.unitId, t.date, t.id),
    // Filtered reports: one year grouped by a single-valued dimension; covering, so SQLite never reads the rows.
    // (By goal, activities_report below serves: its prefix is the same.)
    index('activities_unit_year_area').on(t.unitId, t.year, t.areaId),
    index('activities_unit_year_type').on(t.unitId, t.year, t.typeId),
    // Every report column and filter in one index: crosstabs, trends and filtered reports also stay off the rows.
    index('activities_report').on(t.unitId, t.year, t.goalId, t.areaId, t.typeId, t.format, t.line, t.assignmentId, t.date),
    index('activities_assignment').on(t.assignmentId),
    index('activities_plan_item').on(t.planItemId, t.date),
  ],
);

/**
 * Activities counted per unit, year, goal and area, kept by triggers on activities (migration 0004), so the
 * annual report's tables and the goal/area reports read a few dozen rows a year instead of every activity.
 * The triggers, not the services, keep it: every writer (API, seeders, scripts) is covered alike.
 */
export const activityCounts = sqliteTable(
  'activity_counts',
  {
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    goalId: integer('goal_id').notNull(),
    areaId: integer('area_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.goalId, t.areaId] })],
);

/**
 * Municipality links counted per unit, year, goal, area and municipality, kept by triggers (migration 0005) like
 * activity_counts: which owners took part, and how often, is the council's first question.
 */
export const activityMunicipalityCounts = sqliteTable(
  'activity_municipality_counts',
  {
    unitId: integer('unit_id').notNull(),
    year: integer('year').notNull(),
    goalId: integer('goal_id').notNull(),
    areaId: integer('area_id').notNull(),
    municipalityId: integer('municipality_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.goalId, t.areaId, t.municipalityId] })],
);

/**
 * A counter per unit that triggers bump on every change to the unit's reference tables an activity points into
 * (migrations 0004 and 0008): the API caches those tables per unit and re-reads them only when its counter has
 * moved, so one unit's edits do not empty another unit's cache.
 */
export const unitReferenceVersions = sqliteTable('unit_reference_versions', {
  unitId: integer('unit_id').primaryKey().references(() => units.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
});

export const activityMunicipalities = sqliteTable(
  'activity_municipalities',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /**
     * The participants from this municipality, when staff split the activity's total (optional; the split never
     * exceeds the total). Null: not split, and the reports say so rather than guess.
     */
    participants: integer('participants'),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.municipalityId] }),
    index('activity_municipalities_municipality').on(t.municipalityId, t.activityId),
  ],
);

/**
 * The unit's register of target groups (målgrupper), which the chief edits. Seeded from the domain's
 * STANDARD_TARGET_GROUPS; `key` is the standard group's stable key (null for a group the chief added), so event
 * evaluations and later reports can match a register row to the standard list whatever it is renamed to.
 */
export const targetGroups = sqliteTable(
  'target_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    key: text('key'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('target_groups_unit_key').on(t.unitId, t.key), uniqueIndex('target_groups_unit_name').on(t.unitId, t.name)],
);

/** Whom an activity reached: optional, any number of the unit's target groups. */
export const activityTargetGroups = sqliteTable(
  'activity_target_groups',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    targetGroupId: integer('target_group_id')
      .notNull()
      .references(() => targetGroups.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.targetGroupId] }),
    index('activity_target_groups_group').on(t.targetGroupId, t.activityId),
  ],
);

export const activityStaff = sqliteTable(
  'activity_staff',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.staffId] }),
    index('activity_staff_staff').on(t.staffId, t.activityId),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Plan follow-up: the year's verksamhetsplan items, which activities link to.

export const PLAN_STATUSES = ['planerad', 'pagar', 'genomford', 'delvis_genomford', 'inte_genomford', 'framflyttad'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const planItems = sqliteTable(
  'plan_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    goalId: integer('goal_id').notNull().references(() => goals.id),
    areaId: integer('area_id').notNull().references(() => areas.id),
    /** The planned activities, one line each, as the plan words them. */
    planned: text('planned', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** "Two information sessions per term" → 4; null when the plan sets no number. */
    targetCount: integer('target_count'),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('planerad'),
    /** What became of the item, in words for the annual report. */
    outcome: text('outcome'),
    /** The item of an earlier year this one was carried over from. */
    carriedFromId: integer('carried_from_id').references((): AnySQLiteColumn => planItems.id, { onDelete: 'set null' }),
    /** The assignment (uppdrag) the item is part of, when it is: the form then links an activity to both at once. */
    assignmentId: integer('assignment_id').references(() => assignments.id),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plan_items_unit_year').on(t.unitId, t.year, t.sortOrder), index('plan_items_carried_from').on(t.carriedFromId)],
);

export const planItemStaff = sqliteTable(
  'plan_item_staff',
  {
    planItemId: integer('plan_item_id').notNull().references(() => planItems.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.planItemId, t.staffId] }), index('plan_item_staff_staff').on(t.staffId)],
);

// ---------------------------------------------------------------------------------------------------------
// Accounts, sessions, the audit trail and locked years.

/**
 * The unit's roles (medarbetare, chef, rad, admin) and the install's: `installation` creates units and their first
 * admins and reads no unit's data; `region` reads only the regional comparison's aggregates for its county.
 */
export const ROLES = ['medarbetare', 'chef', 'rad', 'admin', 'installation', 'region'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The unit the account works in; null for the install's own accounts (roles installation and region). */
    unitId: integer('unit_id').references(() => units.id),
    /** Login name, unique across the install so the login form needs no unit. Stored lower-case. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id hash (PHC string). */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The staff member this account records work as: a medarbetare may edit activities they are on. */
    staffId: integer('staff_id').references(() => staff.id),
    /**
     * The owner municipality a council representative (or any unit account) speaks for: their start page is its
     * municipality page. Null: not linked.
     */
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    /** A region account's county: it sees the sharing units of this county; null means every county. */
    county: text('county'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    lastLoginAt: text('last_login_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_username').on(t.username), index('users_unit').on(t.unitId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a leaked database does not hand out live sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/** Append-only: written in the same transaction as the change it records; no route updates or deletes it. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    userId: integer('user_id').references(() => users.id),
    /** The actor's name at the time, so the trail reads right after an account is renamed. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  // The unit-wide trail pages backwards over the rowid (id) itself; a (unit_id, id) index only cost every write.
  (t) => [index('audit_unit_entity').on(t.unitId, t.entity, t.entityId, t.id)],
);

/** A year whose annual report is adopted: its activities can no longer change. */
export const periodLocks = sqliteTable(
  'period_locks',
  {
    unitId: integer('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    lockedAt: text('locked_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    lockedBy: integer('locked_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * How often the activity form's soft warnings about a text (a mistyped personnummer, a client word followed by a
 * name) were overridden with "Spara ändå": a count per unit, year and kind, never the text or who saved it.
 */
export const textWarningOverrides = sqliteTable(
  'text_warning_overrides',
  {
    unitId: integer('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: TEXT_WARNING_KINDS }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.kind] })],
);

/** One-time maintenance steps the server has run on this file (e.g. stored texts normalised to NFC). */
export const maintenanceRuns = sqliteTable('maintenance_runs', {
  name: text('name').primaryKey(),
  ranAt: text('ran_at').notNull(),
});

// ---------------------------------------------------------------------------------------------------------
// Event evaluations (issue #16). New tables only; nothing above is changed.

/**
 * An activity's evaluation: what participants thought of the event. `publicToken` is the unguessable part of the
 * public answer link (160 random bits, base64url); it is a link, not a login, and is shown to the activity's
 * staff. `source` says where the figures come from: answers given through the link, or aggregates typed in from
 * another survey tool (`aggregate`, JSON: answers, mean, percent per option).
 */
export const evaluations = sqliteTable(
  'evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    publicToken: text('public_token').notNull(),
    registered: integer('registered'),
    attending: integer('attending'),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    /** The question keys this evaluation asks (packages/domain/src/evaluations.ts), JSON array. */
    questions: text('questions', { mode: 'json' }).notNull().$type<string[]>(),
    source: text('source', { enum: ['answers', 'aggregate'] }).notNull().default('answers'),
    aggregate: text('aggregate', { mode: 'json' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('evaluations_token').on(t.publicToken),
    uniqueIndex('evaluations_activity').on(t.activityId),
    index('evaluations_unit').on(t.unitId),
  ],
);

/**
 * One participant's answer. No name, e-mail, IP address or time of day: only the day it came. `deviceHash` is
 * SHA-256 of the evaluation's id and a random token the answer page keeps in the browser's local storage, so one
 * device answers once; salted per evaluation, it cannot link a device's answers across events. Answers are never
 * changed; the chief may remove one (audited).
 */
export const evaluationAnswers = sqliteTable(
  'evaluation_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
    answeredOn: text('answered_on').notNull(),
    rating: integer('rating'),
    useful: text('useful'),
    affects: text('affects'),
    /** An owner municipality of the unit, or null with `workplace` saying another one or none. */
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    workplace: text('workplace'),
    /** A key of the target groups (packages/domain/src/target-groups.ts). */
    targetGroup: text('target_group'),
    comment: text('comment'),
    deviceHash: text('device_hash'),
  },
  (t) => [
    index('evaluation_answers_evaluation').on(t.evaluationId),
    uniqueIndex('evaluation_answers_device').on(t.evaluationId, t.deviceHash),
  ],
);

/** The unit's own wording of a standard question, when the chief has changed it. */
export const evaluationWordings = sqliteTable(
  'evaluation_wordings',
  {
    unitId: integer('unit_id').notNull().references(() => units.id),
    questionKey: text('question_key').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.questionKey] })],
);
