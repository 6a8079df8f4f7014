/**
 * The demo: synthetic activities for 2017-09 … 2025 from a fixed seed. 2018 is built to the published
 * VB 2018 tables: 312 activities whose goal and area counts round (half up, row by row) to 32/27/33/9 %
 * and 42/36/22 %, reaching all eight municipalities, with the 2018 plan's items as assignments and as the
 * 2018 plan, its activities linked to the item of the same title.
 * Nothing here describes a client: titles name the kind of work and its topic.
 */
import { eq, sql } from 'drizzle-orm';
import { frameworkForDate, targetFromPlanned } from '@fou/domain';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { createRng, type Rng } from './random.ts';
import plan2018 from './data/vp2018-plan.json' with { type: 'json' };
import { insertDemoEvaluations, VB2023_EVENTS } from './demo-evaluations.ts';

export const DEMO_SEED = 20180101;

/** VB 2018's counts. 131/112/69 of 312 round to 42/36/22; 99/83/102/28 round to 32/27/33/9 (sum 101). */
export const VB2018_AREA_COUNTS = { ifo: 131, bou: 112, ekb: 25, missbruk: 26, socpsyk: 18 } as const;
export const VB2018_GOAL_COUNTS = { kunskapsutveckling: 99, metodstod: 83, spridning: 102, samverkan: 28 } as const;

const DEMO_STAFF = [
  { name: 'Anna Lindqvist', title: 'Utredare' },
  { name: 'Johan Ek', title: 'Forskare' },
  { name: 'Sara Nilsson', title: 'Utredare' },
  { name: 'Leila Haddad', title: 'Forskare' },
  { name: 'Erik Holm', title: 'Utredare' },
];

/** Other years: size and a drift in the mix, so the trend has something to show. */
const YEARS: { year: number; n: number; area: number[]; goal: number[] }[] = [
  { year: 2017, n: 96, area: [45, 38, 6, 6, 5], goal: [35, 25, 32, 8] },
  { year: 2019, n: 305, area: [40, 34, 10, 9, 7], goal: [31, 28, 32, 9] },
  { year: 2020, n: 262, area: [44, 33, 9, 8, 6], goal: [28, 30, 34, 8] },
  { year: 2021, n: 281, area: [43, 32, 10, 8, 7], goal: [30, 27, 35, 8] },
  { year: 2022, n: 298, area: [41, 33, 10, 9, 7], goal: [32, 26, 33, 9] },
  { year: 2023, n: 310, area: [40, 32, 11, 10, 7], goal: [33, 26, 31, 10] },
  { year: 2024, n: 287, area: [39, 33, 11, 10, 7], goal: [34, 27, 29, 10] },
  { year: 2025, n: 316, area: [38, 34, 11, 10, 7], goal: [33, 28, 28, 11] },
];
const AREA_CODES = ['ifo', 'bou', 'ekb', 'missbruk', 'socpsyk'] as const;
const GOAL_KEYS = ['kunskapsutveckling', 'metodstod', 'spridning', 'samverkan'] as const;
type GoalKey = (typeof GOAL_KEYS)[number];
type AreaCode = (typeof AREA_CODES)[number];

const TYPES_BY_GOAL: Record<GoalKey, [string, number][]> = {
  kunskapsutveckling: [['Intervjuer/fokusgrupper', 3], ['Enkät/datainsamling', 3], ['Analysseminarium', 2], ['Rapport', 2], ['PM/kartläggning', 2], ['Möte med ledningsgrupp (kommunbesök)', 1]],
  metodstod: [['Analysseminarium', 3], ['Workshop', 3], ['Handledning', 2], ['Möte med ledningsgrupp (kommunbesök)', 2], ['Nätverksträff', 2]],
  spridning: [['Seminarium', 3], ['Nätverksträff', 3], ['Utbildningsdag', 3], ['Föreläsning/konferensbidrag', 2], ['FoU-frukost', 1], ['Nyhetsbrev/digital kommunikation', 1], ['Egen konferens/event', 1], ['Konferens (deltagande)', 1]],
  samverkan: [['Styrgrupps-/rådsmöte', 2], ['Ansökan om externa medel', 2], ['Artikel', 2], ['Handledning', 1], ['Remissvar/expertutlåtande', 1], ['Konferens (deltagande)', 1]],
};
const TOPICS: Record<AreaCode, string[]> = {
  ifo: ['Öppna jämförelser', 'Systematisk uppföljning', 'Evidensbaserad praktik', 'Introduktion av nyanställda', 'Ledarskap i socialtjänsten', 'Digitala arbetssätt', 'Brukarinflytande'],
  bou: ['BBIC', 'Barns delaktighet', 'Familjehemsvård', 'Mottagning och utredning', 'Placerade barn', 'Föräldrastöd'],
  ekb: ['Försörjningsstöd', 'Arbetsmarknadsinsatser', 'Nyanländas etablering', 'Tillfälligt boende'],
  missbruk: ['ASI', 'Basutbildning i missbruksvården', 'Motiverande samtal (MI)', 'Samsjuklighet'],
  socpsyk: ['Handläggning inom socialpsykiatri', 'Brukarinflytande', 'Boendestöd'],
};
const PARTICIPANTS: Record<string, [number, number]> = {
  Seminarium: [15, 60], Nätverksträff: [6, 20], Utbildningsdag: [15, 40], Analysseminarium: [5, 20], Workshop: [8, 30],
  'FoU-frukost': [10, 40], 'Egen konferens/event': [80, 350], 'Föreläsning/konferensbidrag': [20, 120], 'FoU Social Talks': [20, 90],
};

/** Exact counts from weights by largest remainder, so a year's total is what was asked for. */
export function quotas(n: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * n);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  // The shortfall is fixed before the loop: re-summing in the condition stopped it halfway.
  const missing = n - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k]![1]]! += 1;
  return out;
}

function randomDate(rng: Rng, year: number): string {
  for (;;) {
    const month = year === 2017 ? rng.int(9, 12) : rng.weighted([[1, 8], [2, 10], [3, 10], [4, 9], [5, 10], [6, 7], [7, 1], [8, 6], [9, 10], [10, 10], [11, 10], [12, 6]] as const);
    const day = rng.int(1, 28);
    const d = new Date(Date.UTC(year, month - 1, day));
    const holiday = (month === 1 && day <= 6) || (month === 12 && day >= 24);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holiday) return d.toISOString().slice(0, 10);
  }
}

export interface DemoRefs {
  frameworks: { id: number; code: string; validFrom: string; validTo: string | null; goals: Record<string, number> }[];
  areas: Record<string, number>;
  types: Record<string, number>;
  municipalities: number[];
  staff: number[];
  assignments: { id: number; title: string; goal: string; area: string }[];
}

export interface DemoActivity {
  date: string; year: number; title: string; description: string | null; goalId: number; areaId: number; typeId: number;
  format: 'fysiskt' | 'digitalt' | 'hybrid'; participants: number | null; assignmentId: number | null; line: 'forsta' | 'andra' | null;
  municipalityIds: number[]; staffIds: number[];
}

/** One year of activities with exactly the given goal and area counts. */
export function generateYear(rng: Rng, refs: DemoRefs, year: number, goalCounts: number[], areaCounts: number[]): DemoActivity[] {
  const n = goalCounts.reduce((a, b) => a + b, 0);
  const goals = rng.shuffle(GOAL_KEYS.flatMap((k, i) => Array<GoalKey>(goalCounts[i]!).fill(k)));
  const areas = rng.shuffle(AREA_CODES.flatMap((c, i) => Array<AreaCode>(areaCounts[i]!).fill(c)));
  const linkChance = year === 2018 ? 0.55 : year <= 2020 ? 0.35 : 0.2;
  const out: DemoActivity[] = [];
  for (let i = 0; i < n; i++) {
    const goal = goals[i]!;
    const area = areas[i]!;
    const date = randomDate(rng, year);
    const fw = frameworkForDate(refs.frameworks, date)!;
    const typeChoices: [string, number][] = year >= 2021 && goal === 'spridning' ? [...TYPES_BY_GOAL[goal], ['FoU Social Talks', 2]] : TYPES_BY_GOAL[goal];
    const type = rng.weighted(typeChoices);
    const candidates = refs.assignments.filter((a) => a.goal === goal && a.area === area);
    const assignment = candidates.length && rng.next() < linkChance ? rng.pick(candidates) : null;
    const topic = assignment ? assignment.title : rng.pick(TOPICS[area]);
    const range = PARTICIPANTS[type];
    const format = year <= 2019 ? rng.weighted([['fysiskt', 92], ['digitalt', 5], ['hybrid', 3]] as const)
      : year <= 2021 ? rng.weighted([['fysiskt', 20], ['digitalt', 70], ['hybrid', 10]] as const)
      : rng.weighted([['fysiskt', 50], ['digitalt', 30], ['hybrid', 20]] as const);
    const everyone = rng.next() < 0.25;
    out.push({
      date, year, title: `${type}: ${topic}`,
      description: rng.next() < 0.3 ? `${type} inom ${topic.toLowerCase()} tillsammans med kommunernas verksamheter.` : null,
      goalId: fw.goals[goal]!, areaId: refs.areas[area]!, typeId: refs.types[type]!, format,
      participants: range ? rng.int(range[0], range[1]) : null,
      assignmentId: assignment?.id ?? null,
      line: year < 2023 ? null : goal === 'kunskapsutveckling' && assignment ? 'andra' : rng.next() < 0.7 ? 'forsta' : null,
      municipalityIds: everyone ? [...refs.municipalities] : rng.sample(refs.municipalities, rng.int(1, 4)),
      staffIds: rng.sample(refs.staff, rng.weighted([[1, 6], [2, 3], [3, 1]] as const)),
    });
  }
  // The published year reached every owner; make sure the demo does too, whatever the draw.
  for (const m of refs.municipalities) {
    if (!out.some((a) => a.municipalityIds.includes(m))) out[0]!.municipalityIds.push(m);
  }
  return out;
}

export function generateDemoYears(refs: DemoRefs, seed = DEMO_SEED): DemoActivity[] {
  const rng = createRng(seed);
  const all: DemoActivity[] = [];
  const y2018 = { year: 2018, goal: GOAL_KEYS.map((k) => VB2018_GOAL_COUNTS[k]), area: AREA_CODES.map((c) => VB2018_AREA_COUNTS[c]) };
  for (const y of [...YEARS.slice(0, 1), y2018, ...YEARS.slice(1)]) {
    const goalCounts = 'n' in y ? quotas(y.n, y.goal) : y.goal;
    const areaCounts = 'n' in y ? quotas(y.n, y.area) : y.area;
    all.push(...generateYear(rng, refs, y.year, goalCounts, areaCounts));
  }
  return all;
}

/** Reads the ids the generator needs, creating the demo staff and the 2018 plan's items as assignments. */
export function prepareDemoRefs(db: Db, unitId: number): DemoRefs {
  const frameworks = db.select().from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, unitId)).all().map((f) => ({
    id: f.id, code: f.code, validFrom: f.validFrom, validTo: f.validTo,
    goals: Object.fromEntries(db.select().from(t.goals).where(eq(t.goals.frameworkId, f.id)).all().map((g) => [g.key, g.id])),
  }));
  const byCode = (rows: { id: number; code: string }[]) => Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const staffIds = DEMO_STAFF.map((s) => {
    const existing = db.select().from(t.staff).where(sql`${t.staff.unitId} = ${unitId} and ${t.staff.name} = ${s.name}`).get();
    return existing?.id ?? db.insert(t.staff).values({ unitId, ...s }).returning().get().id;
  });
  const assignments = plan2018.items.map((item) => {
    const existing = db.select().from(t.assignments).where(sql`${t.assignments.unitId} = ${unitId} and ${t.assignments.title} = ${item.title}`).get();
    const id = existing?.id ?? db.insert(t.assignments).values({
      unitId, title: item.title, description: item.planned.join(' '), startYear: 2018, endYear: null,
      line: item.goal === 'kunskapsutveckling' ? 'andra' : 'forsta',
    }).returning().get().id;
    return { id, title: item.title, goal: item.goal, area: item.area };
  });
  return {
    frameworks,
    areas: byCode(db.select().from(t.areas).where(eq(t.areas.unitId, unitId)).all()),
    types: Object.fromEntries(db.select().from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId)).all().map((r) => [r.name, r.id])),
    municipalities: db.select().from(t.municipalities).where(eq(t.municipalities.unitId, unitId)).orderBy(t.municipalities.sortOrder).all().map((m) => m.id),
    staff: staffIds,
    assignments,
  };
}

/** Inserts activities with prepared statements in one transaction (the demo and the benchmark use it). */
export function insertActivities(db: Db, unitId: number, rows: DemoActivity[]): void {
  const c = db.$client;
  const ins = c.prepare(`insert into activities (unit_id, date, year, title, description, goal_id, area_id, type_id, format, participants, assignment_id, line)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insM = c.prepare('insert into activity_municipalities (activity_id, municipality_id) values (?, ?)');
  const insS = c.prepare('insert into activity_staff (activity_id, staff_id) values (?, ?)');
  c.transaction(() => {
    for (const r of rows) {
      const id = ins.run(unitId, r.date, r.year, r.title, r.description, r.goalId, r.areaId, r.typeId, r.format, r.participants, r.assignmentId, r.line).lastInsertRowid;
      for (const m of r.municipalityIds) insM.run(id, m);
      for (const s of r.staffIds) insS.run(id, s);
    }
  }).immediate();
}

/** Loads the demo once: a database that already has activities is left as it is. */
export function loadDemoData(db: Db, unitId: number): { loaded: boolean; count: number } {
  const existing = db.select({ n: sql<number>`count(*)` }).from(t.activities).where(eq(t.activities.unitId, unitId)).get()!.n;
  if (existing > 0) return { loaded: false, count: existing };
  const refs = prepareDemoRefs(db, unitId);
  const rows = generateDemoYears(refs);
  insertActivities(db, unitId, rows);
  insertDemoPlan(db, unitId, refs);
  insertDemoEvaluations(db, unitId, refs);
  return { loaded: true, count: rows.length + VB2023_EVENTS.length };
}

/** Where the annual report says part of the item was not done, it was only partly carried out. */
const NOT_DONE = /\binte (genomför|gjor|av)/i;

/**
 * VP 2018 as the 2018 plan: items with an outcome in VB 2018 are done (or partly, when the outcome says
 * something was not), the rest are under way when activities link to them and planned otherwise. The year's
 * item is part of the assignment with its title, and the year's activities of that assignment are linked to it. Uses no randomness: the activities
 * drawn above stay the same.
 */
export function insertDemoPlan(db: Db, unitId: number, refs: DemoRefs): void {
  const year = plan2018.year;
  const fw = frameworkForDate(refs.frameworks, `${year}-01-01`)!;
  db.transaction((tx) => {
    plan2018.items.forEach((item, i) => {
      const assignmentId = refs.assignments.find((a) => a.title === item.title)!.id;
      const linked = tx.select({ n: sql<number>`count(*)` }).from(t.activities)
        .where(sql`${t.activities.unitId} = ${unitId} and ${t.activities.year} = ${year} and ${t.activities.assignmentId} = ${assignmentId}`).get()!.n;
      const outcome = 'outcome_2018' in item && typeof item.outcome_2018 === 'string' ? item.outcome_2018 : null;
      const status = outcome ? (NOT_DONE.test(outcome) ? 'delvis_genomford' : 'genomford') : linked > 0 ? 'pagar' : 'planerad';
      const planItem = tx.insert(t.planItems).values({
        unitId, year, title: item.title, goalId: fw.goals[item.goal]!, areaId: refs.areas[item.area]!, planned: item.planned,
        targetCount: targetFromPlanned(item.planned), status, outcome, sortOrder: i + 1, assignmentId,
      }).returning().get();
      tx.insert(t.planItemStaff).values({ planItemId: planItem.id, staffId: refs.staff[i % refs.staff.length]! }).run();
      tx.update(t.activities).set({ planItemId: planItem.id })
        .where(sql`${t.activities.unitId} = ${unitId} and ${t.activities.year} = ${year} and ${t.activities.assignmentId} = ${assignmentId}`).run();
    });
  }, { behavior: 'immediate' });
}
