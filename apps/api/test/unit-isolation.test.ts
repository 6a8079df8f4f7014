/**
 * Two units in one install: every operation of openapi/openapi.json, called by every role of unit A with unit B's
 * ids, codes and cursors, must neither show nor change anything of B.
 *
 * Unit B is written straight into the tables here (not through the code under test), with a row in every table a
 * unit owns, every text carrying the marker "Zeta" and its codes unique to B. Unit A has its reference data and
 * no activities or plan items at all, so the oracles need no figures from the code under test:
 *   - an answer never contains "Zeta" (no name, title or code of B);
 *   - no count of activities or plan items in any answer is above zero (A has none; a count above zero is B's);
 *   - an operation aimed at one of B's rows (a path id, or B's ids in the body) is refused: 400, 403 or 404;
 *   - afterwards every row of B is exactly as before.
 * The operations are enumerated from the OpenAPI document, and each must have its request written out below, so a
 * new route fails this test until someone says how to aim it at unit B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { createSession } from '../src/modules/auth/session.service.ts';
import { hashPassword } from '../src/modules/users/password.ts';
import { makeTestApp, TEST_PASSWORD, type TestApp } from './helpers/test-app.ts';

const MARK = 'Zeta';

let app: TestApp;
/** Unit B's ids, one or more of each kind. */
const b = {
  unit: 0, municipality: 0, areaGroup: 0, area: 0, framework: 0, goal: 0, type: 0, assignment: 0, staff: 0,
  activity: 0, planItem: 0, user: 0, targetGroup: 0, lockedYear: 2017, planYear: 2019, auditMax: 0, evaluation: 0, answer: 0,
};
/** B's evaluation link: a way in for whoever has it, account or not, so A's roles are aimed at an unknown one. */
const B_TOKEN = 'zetaZETAzetaZETAzetaZETAzet';
const B_CODES = { municipality: 'zeta-kommun', area: 'zeta-omrade', areaGroup: 'zeta-grupp', goalKey: 'zeta-mal', framework: 'zeta-fw' };

function insertUnitB(): void {
  const db = app.app.db;
  b.unit = db.insert(t.units).values({ code: 'zeta', name: `${MARK} FoU`, shortName: MARK, county: 'Zeta län', sharesComparison: false }).returning().get().id;
  const unitId = b.unit;
  b.municipality = db.insert(t.municipalities).values({ unitId, code: B_CODES.municipality, name: `${MARK}by` }).returning().get().id;
  db.insert(t.municipalityYears).values({ municipalityId: b.municipality, year: 2019, population: 12345, feeSek: 54321 }).run();
  b.areaGroup = db.insert(t.areas).values({ unitId, code: B_CODES.areaGroup, name: `${MARK}gruppen` }).returning().get().id;
  b.area = db.insert(t.areas).values({ unitId, code: B_CODES.area, name: `${MARK}området`, parentId: b.areaGroup }).returning().get().id;
  b.framework = db.insert(t.goalFrameworks).values({ unitId, code: B_CODES.framework, name: `${MARK} ramverk`, validFrom: '2000-01-01', validTo: null }).returning().get().id;
  b.goal = db.insert(t.goals).values({ frameworkId: b.framework, key: B_CODES.goalKey, name: `${MARK}målet` }).returning().get().id;
  db.insert(t.goalNameHistory).values({ goalId: b.goal, name: `${MARK}s gamla mål`, replacedOn: '2018-01-01' }).run();
  b.type = db.insert(t.activityTypes).values({ unitId, name: `${MARK}typen` }).returning().get().id;
  b.assignment = db.insert(t.assignments).values({ unitId, title: `${MARK}uppdraget` }).returning().get().id;
  b.staff = db.insert(t.staff).values({ unitId, name: `${MARK} Zetasson` }).returning().get().id;
  b.targetGroup = db.insert(t.targetGroups).values({ unitId, key: 'zeta-grupp', name: `${MARK}gruppen av deltagare` }).returning().get().id;
  b.planItem = db.insert(t.planItems).values({ unitId, year: b.planYear, title: `${MARK}punkten`, goalId: b.goal, areaId: b.area, planned: [`${MARK}planerat`] }).returning().get().id;
  db.insert(t.planItemStaff).values({ planItemId: b.planItem, staffId: b.staff }).run();
  for (const [i, date] of ['2019-03-01', '2019-05-02', '2024-02-03'].entries()) {
    const id = db.insert(t.activities).values({
      unitId, date, year: Number(date.slice(0, 4)), title: `${MARK}seminariet ${i}`, description: `${MARK} beskrivning`,
      goalId: b.goal, areaId: b.area, typeId: b.type, format: 'fysiskt', participants: 40, assignmentId: b.assignment,
      line: 'forsta', planItemId: date.startsWith('2019') ? b.planItem : null,
    }).returning().get().id;
    db.insert(t.activityMunicipalities).values({ activityId: id, municipalityId: b.municipality, participants: 30 }).run();
    db.insert(t.activityTargetGroups).values({ activityId: id, targetGroupId: b.targetGroup }).run();
    db.insert(t.activityStaff).values({ activityId: id, staffId: b.staff }).run();
    if (i === 0) b.activity = id;
  }
  db.insert(t.periodLocks).values({ unitId, year: b.lockedYear }).run();
  b.evaluation = db.insert(t.evaluations).values({
    unitId, activityId: b.activity, publicToken: B_TOKEN, registered: 40, attending: 30, opensOn: '2019-03-01', closesOn: '2099-12-31',
    questions: ['rating', 'useful', 'affects', 'municipality', 'targetGroup', 'comment'],
  }).returning().get().id;
  b.answer = db.insert(t.evaluationAnswers).values({
    evaluationId: b.evaluation, answeredOn: '2019-03-01', rating: 9, useful: 'helt', affects: 'ja', municipalityId: b.municipality, workplace: 'agare', comment: `${MARK} kommentar`,
  }).returning().get().id;
  db.insert(t.evaluationWordings).values({ unitId, questionKey: 'rating', text: `${MARK}s betygsfråga` }).run();
  db.insert(t.textWarningOverrides).values({ unitId, year: 2019, kind: 'mistyped_personal_identity_number', count: 3 }).run();
}

async function addUnitBUser(): Promise<void> {
  const db = app.app.db;
  b.user = db.insert(t.users).values({
    unitId: b.unit, username: 'zeta.chef', displayName: `${MARK} Chef`, role: 'chef', staffId: b.staff, municipalityId: b.municipality, passwordHash: await hashPassword(TEST_PASSWORD),
  }).returning().get().id;
  createSession(app.app.sessions, b.user);
  for (const entity of ['activity', 'plan_item', 'staff'] as const) {
    b.auditMax = db.insert(t.auditLog).values({
      unitId: b.unit, userId: b.user, actor: `${MARK} Chef (zeta.chef)`, action: 'create', entity,
      entityId: entity === 'activity' ? b.activity : entity === 'plan_item' ? b.planItem : b.staff, after: { title: `${MARK} i loggen` },
    }).returning().get().id;
  }
}

/** Every row of unit B, table by table (child tables through their parent's unit), for the before/after check. */
function snapshotB(): Record<string, unknown[]> {
  const db = app.app.db;
  const activityIds = db.select({ id: t.activities.id }).from(t.activities).where(eq(t.activities.unitId, b.unit)).all().map((r) => r.id);
  const frameworkIds = db.select({ id: t.goalFrameworks.id }).from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, b.unit)).all().map((r) => r.id);
  const goalIds = db.select({ id: t.goals.id }).from(t.goals).where(inArray(t.goals.frameworkId, frameworkIds)).all().map((r) => r.id);
  const municipalityIds = db.select({ id: t.municipalities.id }).from(t.municipalities).where(eq(t.municipalities.unitId, b.unit)).all().map((r) => r.id);
  const planIds = db.select({ id: t.planItems.id }).from(t.planItems).where(eq(t.planItems.unitId, b.unit)).all().map((r) => r.id);
  const userIds = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.unitId, b.unit)).all().map((r) => r.id);
  return {
    units: db.select().from(t.units).where(eq(t.units.id, b.unit)).all(),
    municipalities: db.select().from(t.municipalities).where(eq(t.municipalities.unitId, b.unit)).all(),
    municipalityYears: db.select().from(t.municipalityYears).where(inArray(t.municipalityYears.municipalityId, municipalityIds)).all(),
    areas: db.select().from(t.areas).where(eq(t.areas.unitId, b.unit)).all(),
    goalFrameworks: db.select().from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, b.unit)).all(),
    goals: db.select().from(t.goals).where(inArray(t.goals.id, goalIds)).all(),
    goalNameHistory: db.select().from(t.goalNameHistory).where(inArray(t.goalNameHistory.goalId, goalIds)).all(),
    activityTypes: db.select().from(t.activityTypes).where(eq(t.activityTypes.unitId, b.unit)).all(),
    assignments: db.select().from(t.assignments).where(eq(t.assignments.unitId, b.unit)).all(),
    staff: db.select().from(t.staff).where(eq(t.staff.unitId, b.unit)).all(),
    activities: db.select().from(t.activities).where(eq(t.activities.unitId, b.unit)).all(),
    activityMunicipalities: db.select().from(t.activityMunicipalities).where(inArray(t.activityMunicipalities.activityId, activityIds)).all(),
    activityStaff: db.select().from(t.activityStaff).where(inArray(t.activityStaff.activityId, activityIds)).all(),
    targetGroups: db.select().from(t.targetGroups).where(eq(t.targetGroups.unitId, b.unit)).all(),
    activityTargetGroups: db.select().from(t.activityTargetGroups).where(inArray(t.activityTargetGroups.activityId, activityIds)).all(),
    activityCounts: db.select().from(t.activityCounts).where(eq(t.activityCounts.unitId, b.unit)).all(),
    activityMunicipalityCounts: db.select().from(t.activityMunicipalityCounts).where(eq(t.activityMunicipalityCounts.unitId, b.unit)).all(),
    planItems: db.select().from(t.planItems).where(eq(t.planItems.unitId, b.unit)).all(),
    planItemStaff: db.select().from(t.planItemStaff).where(inArray(t.planItemStaff.planItemId, planIds)).all(),
    users: db.select().from(t.users).where(eq(t.users.unitId, b.unit)).all(),
    sessions: db.select({ id: t.sessions.id, userId: t.sessions.userId }).from(t.sessions).where(inArray(t.sessions.userId, userIds)).all(),
    auditLog: db.select().from(t.auditLog).where(eq(t.auditLog.unitId, b.unit)).all(),
    periodLocks: db.select().from(t.periodLocks).where(eq(t.periodLocks.unitId, b.unit)).all(),
    textWarningOverrides: db.select().from(t.textWarningOverrides).where(eq(t.textWarningOverrides.unitId, b.unit)).all(),
    evaluations: db.select().from(t.evaluations).where(eq(t.evaluations.unitId, b.unit)).all(),
    evaluationAnswers: db.select().from(t.evaluationAnswers).where(eq(t.evaluationAnswers.evaluationId, b.evaluation)).all(),
    evaluationWordings: db.select().from(t.evaluationWordings).where(eq(t.evaluationWordings.unitId, b.unit)).all(),
  };
}

/**
 * How each operation is aimed at unit B. `aimed`: the request names one of B's rows (path id, or B's ids in the
 * body), so it must be refused; otherwise it must answer without showing B.
 */
type Params = Record<string, string | number | undefined>;
interface Aim { path?: Params | undefined; query?: Params | undefined; body?: unknown; aimed: boolean }
const activityBody = () => ({
  date: '2019-04-01', title: 'Ett seminarium', goalId: b.goal, areaId: b.area, typeId: b.type, format: 'fysiskt',
  assignmentId: b.assignment, planItemId: b.planItem, municipalityIds: [b.municipality], staffIds: [b.staff], targetGroupIds: [b.targetGroup],
  participants: 40, municipalityParticipants: [{ municipalityId: b.municipality, participants: 10 }],
});
const planBody = () => ({ year: b.planYear, title: 'En punkt', goalId: b.goal, areaId: b.area, staffIds: [b.staff] });
const filters = () => ({ municipality: B_CODES.municipality, staff: b.staff, type: b.type, assignment: b.assignment, goal: B_CODES.goalKey, area: B_CODES.area });

const AIMS: Record<string, () => Aim | Aim[]> = {
  'GET /api/v1/reference': () => ({ aimed: false }),
  'GET /api/v1/municipalities': () => ({ aimed: false }),
  'POST /api/v1/municipalities': () => ({ body: { code: B_CODES.municipality, name: 'Ny kommun' }, aimed: false }),
  'PATCH /api/v1/municipalities/{id}': () => ({ path: { id: b.municipality }, body: { name: 'Ändrad' }, aimed: true }),
  'PUT /api/v1/municipalities/{id}/years/{year}': () => ({ path: { id: b.municipality, year: 2019 }, body: { population: 1, feeSek: 1 }, aimed: true }),
  'GET /api/v1/areas': () => ({ aimed: false }),
  'POST /api/v1/areas': () => ({ body: { code: 'nytt-omrade', name: 'Nytt område', parentId: b.areaGroup }, aimed: true }),
  'PATCH /api/v1/areas/{id}': () => ({ path: { id: b.area }, body: { name: 'Ändrat' }, aimed: true }),
  'GET /api/v1/goal-frameworks': () => ({ aimed: false }),
  'POST /api/v1/goal-frameworks': () => ({ body: { code: B_CODES.framework, name: 'Nytt ramverk', validFrom: '2030-01-01', validTo: null, goals: [{ key: B_CODES.goalKey, name: 'Nytt mål' }] }, aimed: false }),
  'PATCH /api/v1/goal-frameworks/{id}': () => ({ path: { id: b.framework }, body: { name: 'Ändrat' }, aimed: true }),
  'POST /api/v1/goal-frameworks/{id}/goals': () => ({ path: { id: b.framework }, body: { key: 'nytt-mal', name: 'Nytt mål' }, aimed: true }),
  'PATCH /api/v1/goals/{id}': () => ({ path: { id: b.goal }, body: { name: 'Ändrat' }, aimed: true }),
  'GET /api/v1/goals/{id}/names': () => ({ path: { id: b.goal }, aimed: true }),
  'GET /api/v1/target-groups': () => ({ aimed: false }),
  'POST /api/v1/target-groups': () => ({ body: { name: 'Ny målgrupp' }, aimed: false }),
  'PATCH /api/v1/target-groups/{id}': () => ({ path: { id: b.targetGroup }, body: { name: 'Ändrad' }, aimed: true }),
  'GET /api/v1/activity-types': () => ({ aimed: false }),
  'POST /api/v1/activity-types': () => ({ body: { name: 'Ny typ' }, aimed: false }),
  'PATCH /api/v1/activity-types/{id}': () => ({ path: { id: b.type }, body: { name: 'Ändrad' }, aimed: true }),
  'GET /api/v1/assignments': () => ({ aimed: false }),
  'POST /api/v1/assignments': () => ({ body: { title: 'Nytt uppdrag' }, aimed: false }),
  'PATCH /api/v1/assignments/{id}': () => ({ path: { id: b.assignment }, body: { title: 'Ändrat' }, aimed: true }),
  'GET /api/v1/staff': () => ({ aimed: false }),
  'POST /api/v1/staff': () => ({ body: { name: 'Ny Medarbetare' }, aimed: false }),
  'PATCH /api/v1/staff/{id}': () => ({ path: { id: b.staff }, body: { name: 'Ändrad' }, aimed: true }),
  'GET /api/v1/activities': () => [
    { aimed: false },
    ...Object.entries(filters()).map(([k, v]) => ({ query: { [k]: v }, aimed: false })),
    { query: { planItem: b.planItem }, aimed: false },
    { query: { q: MARK }, aimed: false },
    // A cursor past B's rows: A's keyset must still be A's alone.
    { query: { cursor: Buffer.from(JSON.stringify({ date: '2099-12-31', id: b.activity + 1000 })).toString('base64url') }, aimed: false },
  ],
  // The list as a file: every filter naming B's rows, as CSV (whose numbers the oracle reads) and XLSX.
  'GET /api/v1/activities/export': () => [
    { query: { output: 'csv' }, aimed: false },
    { query: { output: 'xlsx' }, aimed: false },
    ...Object.entries(filters()).map(([k, v]) => ({ query: { [k]: v, output: 'csv' }, aimed: false })),
    { query: { planItem: b.planItem, output: 'csv' }, aimed: false },
    { query: { q: MARK, output: 'csv' }, aimed: false },
  ],
  'POST /api/v1/activities': () => ({ body: activityBody(), aimed: true }),
  'GET /api/v1/activities/goal-suggestions': () => ({ aimed: false }),
  // B's own date and title, folded differently, and B's id to leave out: A's answer must still be A's alone.
  'GET /api/v1/activities/similar': () => [
    { query: { date: '2019-03-01', title: `${MARK.toUpperCase()}SEMINARIET 0` }, aimed: false },
    { query: { date: '2019-03-01', title: `${MARK}seminariet 0`, excludeId: b.activity }, aimed: false },
  ],
  'GET /api/v1/activities/text-warning-overrides': () => ({ aimed: false }),
  'GET /api/v1/activities/{id}': () => ({ path: { id: b.activity }, aimed: true }),
  'PUT /api/v1/activities/{id}': () => ({ path: { id: b.activity }, body: { ...activityBody(), version: 1 }, aimed: true }),
  'DELETE /api/v1/activities/{id}': () => ({ path: { id: b.activity }, query: { version: 1 }, aimed: true }),
  // Unit B's account's password is not A's to try; a wrong one here is a plain 400.
  'POST /api/v1/auth/login': () => ({ body: { username: 'zeta.chef', password: 'fel-lösenord-123' }, aimed: true }),
  'POST /api/v1/auth/logout': () => ({ aimed: false }),
  'GET /api/v1/auth/me': () => ({ aimed: false }),
  'POST /api/v1/auth/password': () => ({ body: { currentPassword: 'fel-lösenord-123', newPassword: 'ett-helt-annat-långt-lösen-7' }, aimed: true }),
  'GET /api/v1/auth/demo-accounts': () => ({ aimed: false }),
  'GET /api/v1/auth/session': () => ({ aimed: false }),
  'GET /api/v1/users': () => ({ aimed: false }),
  'POST /api/v1/users': () => [
    { body: { username: 'ny.person', displayName: 'Ny Person', role: 'medarbetare', staffId: b.staff, password: 'ett-långt-lösen-för-test-9' }, aimed: true },
    { body: { username: 'ny.radsperson', displayName: 'Ny Rådsperson', role: 'rad', municipalityId: b.municipality, password: 'ett-långt-lösen-för-test-9' }, aimed: true },
  ],
  'PATCH /api/v1/users/{id}': () => ({ path: { id: b.user }, body: { displayName: 'Ändrad' }, aimed: true }),
  'GET /api/v1/audit': () => [
    { aimed: false },
    { query: { entity: 'activity', entityId: b.activity }, aimed: false },
    { query: { cursor: String(b.auditMax + 1) }, aimed: false },
  ],
  'GET /api/v1/activities/{id}/audit': () => ({ path: { id: b.activity }, aimed: true }),
  'GET /api/v1/period-locks': () => ({ aimed: false }),
  // A year is not an id: A may lock B's locked year for itself; B's lock stays B's (the snapshot says so).
  'PUT /api/v1/period-locks/{year}': () => ({ path: { year: b.lockedYear }, aimed: false }),
  'DELETE /api/v1/period-locks/{year}': () => ({ path: { year: b.lockedYear }, aimed: false }),
  'GET /api/v1/plan-items': () => [{ query: { year: b.planYear }, aimed: false }, { query: { year: b.planYear, goal: B_CODES.goalKey, area: B_CODES.area }, aimed: false }],
  'POST /api/v1/plan-items': () => ({ body: planBody(), aimed: true }),
  // Copying the year B has a plan for: A has none, so nothing may come across.
  'POST /api/v1/plan-items/copy': () => ({ body: { fromYear: b.planYear, toYear: b.planYear + 1 }, aimed: false }),
  'GET /api/v1/plan-items/{id}': () => ({ path: { id: b.planItem }, aimed: true }),
  'PUT /api/v1/plan-items/{id}': () => ({ path: { id: b.planItem }, body: { ...planBody(), version: 1 }, aimed: true }),
  'DELETE /api/v1/plan-items/{id}': () => ({ path: { id: b.planItem }, query: { version: 1 }, aimed: true }),
  'GET /api/v1/plan-followup': () => [{ query: { year: b.planYear }, aimed: false }, { query: { year: b.planYear, output: 'csv' }, aimed: false }],
  'GET /api/v1/reports/distribution': () => ['goal', 'area', 'staff', 'municipality', 'type', 'assignment'].flatMap((dimension) => [
    { query: { dimension, year: 2019 }, aimed: false },
    { query: { dimension, year: 2019, output: 'csv' }, aimed: false },
    ...Object.entries(filters()).map(([k, v]) => ({ query: { dimension, year: 2019, [k]: v }, aimed: false })),
  ]),
  'GET /api/v1/reports/crosstab': () => [{ query: { rows: 'goal', cols: 'area', year: 2019 }, aimed: false }, { query: { rows: 'type', cols: 'assignment', from: '2019-01-01', to: '2024-12-31', output: 'csv' }, aimed: false }],
  'GET /api/v1/reports/trend': () => [{ query: { dimension: 'goal', fromYear: 2018, toYear: 2024 }, aimed: false }, { query: { dimension: 'municipality', fromYear: 2018, toYear: 2024, output: 'csv' }, aimed: false }],
  'GET /api/v1/reports/reach': () => [{ query: { year: 2019 }, aimed: false }, { query: { year: 2019, output: 'csv' }, aimed: false }, { query: { year: 2019, ...filters() }, aimed: false }],
  // A's charts of B's year, as SVG (text the mark check reads; the PNG is the same drawing rasterised).
  'GET /api/v1/reports/charts/{chart}': () => ['verksamhetsomrade', 'resultatmal', 'mal-per-omrade', 'kommuner', 'trend'].map((chart) => (
    { path: { chart }, query: { year: 2019, format: 'svg' }, aimed: false }
  )),
  'GET /api/v1/annual-report/{year}': () => [{ path: { year: b.planYear }, aimed: false }, { path: { year: b.planYear }, query: { output: 'docx' }, aimed: false }],
  'GET /api/v1/reports/vb/{year}': () => [{ path: { year: 2019 }, aimed: false }, { path: { year: 2019 }, query: { output: 'csv' }, aimed: false }],
  'GET /api/v1/reports/years': () => ({ aimed: false }),
  // B's code is not A's (a 404), unless POST /municipalities above made one in A with the same code: then it is
  // A's own municipality, which has no activities, so either way nothing of B may show.
  'GET /api/v1/reports/municipality/{code}': () => [{ path: { code: B_CODES.municipality }, query: { year: 2019 }, aimed: false }, { path: { code: B_CODES.municipality }, query: { year: 2019, output: 'csv' }, aimed: false }],
  'GET /api/v1/reports/owners': () => [{ query: { year: 2019 }, aimed: false }, { query: { year: 2019, output: 'xlsx' }, aimed: false }],
  // The install's routes: no role of a unit may reach them, least of all for another unit.
  'GET /api/v1/units': () => ({ aimed: true }),
  'POST /api/v1/units': () => ({ body: { name: 'Ny enhet', shortName: 'Ny', county: 'Stockholms län' }, aimed: true }),
  'PATCH /api/v1/units/{id}': () => ({ path: { id: b.unit }, body: { name: 'Ändrad' }, aimed: true }),
  'POST /api/v1/units/{id}/admins': () => ({ path: { id: b.unit }, body: { username: 'ny.admin', displayName: 'Ny Admin' }, aimed: true }),
  'GET /api/v1/install/accounts': () => ({ aimed: true }),
  'POST /api/v1/install/accounts': () => ({ body: { username: 'ny.region', displayName: 'Ny Region', role: 'region', county: 'Zeta län' }, aimed: true }),
  'PATCH /api/v1/install/accounts/{id}': () => ({ path: { id: b.user }, body: { displayName: 'Ändrad' }, aimed: true }),
  // A's own settings; B's setting is not A's to read or change.
  'GET /api/v1/unit/settings': () => ({ aimed: false }),
  'PUT /api/v1/unit/settings': () => ({ body: { sharesComparison: false }, aimed: false }),
  // Event evaluations: B's activity, evaluation and answer by id; A's wording and reports must not show B's.
  'GET /api/v1/activities/{id}/evaluation': () => ({ path: { id: b.activity }, aimed: true }),
  'POST /api/v1/activities/{id}/evaluation': () => ({ path: { id: b.activity }, body: { opensOn: '2019-03-01', closesOn: '2019-03-30', questions: ['rating'] }, aimed: true }),
  'GET /api/v1/evaluations/{id}': () => ({ path: { id: b.evaluation }, aimed: true }),
  'PUT /api/v1/evaluations/{id}': () => ({ path: { id: b.evaluation }, body: { opensOn: '2019-03-01', closesOn: '2019-03-30', questions: ['rating'], version: 1 }, aimed: true }),
  'GET /api/v1/evaluations/{id}/count': () => ({ path: { id: b.evaluation }, aimed: true }),
  'GET /api/v1/evaluations/{id}/qr': () => [{ path: { id: b.evaluation }, query: { format: 'svg' }, aimed: true }, { path: { id: b.evaluation }, query: { format: 'png' }, aimed: true }],
  'GET /api/v1/evaluations/{id}/comments': () => ({ path: { id: b.evaluation }, aimed: true }),
  'DELETE /api/v1/evaluations/{id}/answers/{answerId}': () => ({ path: { id: b.evaluation, answerId: b.answer }, aimed: true }),
  'GET /api/v1/evaluation-wording': () => ({ aimed: false }),
  'PUT /api/v1/evaluation-wording': () => ({ body: { items: [{ key: 'rating', text: 'Vårt eget betyg' }] }, aimed: false }),
  'GET /api/v1/reports/evaluations': () => [
    { aimed: false }, { query: { year: 2019 }, aimed: false }, { query: { activity: b.activity }, aimed: false },
    ...['series', 'goal', 'municipality'].map((groupBy) => ({ query: { year: 2019, groupBy }, aimed: false })),
    { query: { groupBy: 'municipality', output: 'csv' }, aimed: false },
  ],
  // The token is the way in, whoever holds it: an account of A gets no further with a token it does not have.
  'GET /api/v1/public/evaluations/{token}': () => ({ path: { token: B_TOKEN.replace('zeta', 'beta') }, aimed: true }),
  'POST /api/v1/public/evaluations/{token}/answers': () => ({ path: { token: B_TOKEN.replace('zeta', 'beta') }, body: { rating: 1 }, aimed: true }),
  // B does not share: it must not appear, whatever years are asked for.
  'GET /api/v1/region/comparison': () => [{ aimed: false }, { query: { from: 2018, to: 2024 }, aimed: false }, { query: { from: 2018, to: 2024, output: 'csv' }, aimed: false }],
};

interface Op { key: string; method: string; path: string }
function operations(): Op[] {
  const spec = app.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const m of Object.keys(methods)) ops.push({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path });
  }
  // Signing out ends the session the rest of the walk uses: last.
  return ops.sort((x, y) => Number(x.path.endsWith('/logout')) - Number(y.path.endsWith('/logout')));
}

/** Counts of activities or plan items anywhere in an answer: A has none, so any above zero came from B. */
const COUNT_KEYS = /^(count|answers|evaluations|activities|activityCount|n|total|planItems|participants|withParticipants|reached|linked|done)$/;
function positiveCounts(value: unknown, where = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => positiveCounts(v, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (typeof v === 'number' && COUNT_KEYS.test(k) && v > 0 ? [`${where}.${k}=${v}`] : positiveCounts(v, `${where}.${k}`)));
  }
  return [];
}
/**
 * CSV: every number in a column after the first (the label); A's reports have only zeros. A table's heading row
 * may name years (the comparison's columns), which are not counts.
 */
function positiveCsvNumbers(text: string): string[] {
  const isYear = (cell: string) => /^(19|20)\d\d$/.test(cell);
  return text.split(/\r?\n/).slice(1).flatMap((line) => {
    const cells = line.split(/[;,]/).slice(1).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length && cells.every((c) => isYear(c) || c === '')) return [];
    return cells.filter((cell) => /^\d+([.,]\d+)?$/.test(cell) && Number(cell.replace(',', '.')) > 0);
  });
}

beforeAll(async () => {
  app = await makeTestApp();
  insertUnitB();
  await addUnitBUser();
});
afterAll(async () => { await app?.close(); });

describe('unit isolation', () => {
  it('has a written-out request aimed at unit B for every operation the API documents', () => {
    expect(operations().map((o) => o.key).sort()).toEqual(Object.keys(AIMS).sort());
  });

  for (const role of ['chef', 'medarbetare', 'rad', 'admin'] as const) {
    it(`lets unit A's ${role} neither see nor change anything of unit B through any operation`, async () => {
      const before = snapshotB();
      const agent = await app.as(role);
      const failures: string[] = [];
      for (const op of operations()) {
        for (const aim of [AIMS[op.key]!()].flat()) {
          let url = op.path;
          for (const [k, v] of Object.entries(aim.path ?? {})) url = url.replace(`{${k}}`, String(v));
          let req = agent[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
          if (aim.query) req = req.query(aim.query);
          // Files that are not JSON or text (an SVG, an XLSX) come back whole, to be read as text for the mark.
          req = req.buffer(true);
          const res = await (aim.body === undefined ? req : req.send(aim.body as object));
          if (res.text === undefined && Buffer.isBuffer(res.body)) res.text = res.body.toString('utf8');
          const label = `${role} ${op.method} ${url}?${new URLSearchParams(Object.entries(aim.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]))} → ${res.status}`;
          expect(res.status, `${label}: ${(res.text ?? '').slice(0, 300)}`).toBeLessThan(500);
          const text = res.text ?? '';
          if (text.includes(MARK)) failures.push(`${label}: shows unit B (${text.slice(Math.max(0, text.indexOf(MARK) - 60), text.indexOf(MARK) + 40)})`);
          if (aim.aimed && ![400, 401, 403, 404].includes(res.status)) failures.push(`${label}: an operation on unit B's row was not refused`);
          const isCsv = String(res.headers['content-type'] ?? '').includes('csv');
          const counts = isCsv ? positiveCsvNumbers(text) : res.body && typeof res.body === 'object' ? positiveCounts(res.body) : [];
          // The plan copy's answer counts what it copied: zero when nothing of B came over, as the snapshot confirms.
          if (res.status < 300 && counts.length) failures.push(`${label}: counts from unit B's rows ${counts.slice(0, 5).join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
      expect(snapshotB()).toEqual(before);
    });
  }
});
