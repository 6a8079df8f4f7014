/**
 * The database schema. Every row a unit owns carries unit_id, so a second FoU unit can share an install later.
 * Dates are ISO strings (YYYY-MM-DD) so they sort and compare as text; activities also keep the year as an
 * integer because every report groups by it and an index on (unit_id, year, …) serves them all.
 */
import { sql } from 'drizzle-orm';
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

export const units = sqliteTable('units', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
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
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('goals_framework_key').on(t.frameworkId, t.key)],
);

export const activityTypes = sqliteTable(
  'activity_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text('name').notNull(),
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
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // The list: filter by unit, keyset on (date, id).
    index('activities_unit_date_id').on(t.unitId, t.date, t.id),
    // The reports: one year grouped by each single-valued dimension; covering, so SQLite never reads the rows.
    index('activities_unit_year_goal').on(t.unitId, t.year, t.goalId),
    index('activities_unit_year_area').on(t.unitId, t.year, t.areaId),
    index('activities_unit_year_type').on(t.unitId, t.year, t.typeId),
    index('activities_assignment').on(t.assignmentId),
  ],
);

export const activityMunicipalities = sqliteTable(
  'activity_municipalities',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.municipalityId] }),
    index('activity_municipalities_municipality').on(t.municipalityId, t.activityId),
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
