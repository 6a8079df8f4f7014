/**
 * The demo's second unit, FoU Södertörn (issue 14): its ten owner municipalities with the 2019 budget per
 * municipality as that year's fee (../shared/data/sodertorn.json, transcribed from the 2019 review; the fee model
 * shares the costs by population), its own demo year 2019 drawn from a fixed seed, and its staff. The unit works
 * in disability (funktionshinder) and individual and family care (IFO); the registers are the standard ones plus
 * an area for funktionshinder. Nothing here describes a client.
 */
import { and, eq, sql } from 'drizzle-orm';
import { frameworkForDate } from '@fou/domain';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { createRng, type Rng } from './random.ts';
import { insertActivities, quotas, type DemoActivity } from './demo-data.ts';
import sodertorn from './data/sodertorn-2019.json' with { type: 'json' };

export const SODERTORN = { code: 'sodertorn', name: 'FoU Södertörn', shortName: 'Södertörn', county: 'Stockholms län' } as const;
export const SODERTORN_SEED = 20190101;
export const SODERTORN_2019_ACTIVITIES = 146;

/** The review lists the owners in its own order; the register shows them alphabetically, as the issue names them. */
const MUNICIPALITY_CODES: Record<string, string> = {
  Botkyrka: 'botkyrka', Haninge: 'haninge', Huddinge: 'huddinge', Nacka: 'nacka', Nykvarn: 'nykvarn',
  Nynäshamn: 'nynashamn', Salem: 'salem', Södertälje: 'sodertalje', Tyresö: 'tyreso', Värmdö: 'varmdo',
};

const STAFF = [
  { name: 'Karin Dahl', title: 'FoU-chef' },
  { name: 'Mehmet Yilmaz', title: 'Forskningsledare' },
  { name: 'Lena Sjöberg', title: 'Forskningsledare' },
  { name: 'Tove Berglund', title: 'Forskningsassistent' },
  { name: 'Ahmed Rahimi', title: 'Forskningsassistent' },
  { name: 'Ulrika Nord', title: 'Forskningsassistent' },
];

/** Funktionshinder first, then IFO's parts: the unit's two fields, about half each. */
const AREA_WEIGHTS: [string, number][] = [['funktionshinder', 46], ['ifo', 16], ['bou', 18], ['ekb', 7], ['missbruk', 8], ['socpsyk', 5]];
const GOAL_WEIGHTS: [string, number][] = [['kunskapsutveckling', 34], ['metodstod', 24], ['spridning', 30], ['samverkan', 12]];
const TYPES_BY_GOAL: Record<string, [string, number][]> = {
  kunskapsutveckling: [['Intervjuer/fokusgrupper', 3], ['Enkät/datainsamling', 3], ['Rapport', 2], ['PM/kartläggning', 2]],
  metodstod: [['Analysseminarium', 3], ['Workshop', 3], ['Handledning', 2], ['Nätverksträff', 2]],
  spridning: [['Seminarium', 3], ['Nätverksträff', 2], ['Utbildningsdag', 2], ['FoU-frukost', 2], ['Nyhetsbrev/digital kommunikation', 1]],
  samverkan: [['Styrgrupps-/rådsmöte', 3], ['Möte med ledningsgrupp (kommunbesök)', 2], ['Ansökan om externa medel', 1]],
};
/** The review's priorities for 2019 (barnperspektiv, systematisk uppföljning, samverkan) run through the topics. */
const TOPICS: Record<string, string[]> = {
  funktionshinder: ['Systematisk uppföljning i LSS', 'Daglig verksamhet', 'Boende enligt LSS', 'Brukarinflytande', 'Personlig assistans', 'Barnperspektiv i LSS-handläggning'],
  ifo: ['Systematisk uppföljning', 'Samverkan mellan förvaltningar', 'Evidensbaserad praktik'],
  bou: ['Barnperspektiv', 'Barns delaktighet', 'BBIC', 'Familjehemsvård'],
  ekb: ['Försörjningsstöd', 'Arbetsmarknadsinsatser'],
  missbruk: ['ASI', 'Samsjuklighet', 'Motiverande samtal (MI)'],
  socpsyk: ['Boendestöd', 'Brukarinflytande'],
};
const PARTICIPANTS: Record<string, [number, number]> = {
  Seminarium: [15, 60], Nätverksträff: [6, 20], Utbildningsdag: [15, 40], Analysseminarium: [5, 20], Workshop: [8, 30], 'FoU-frukost': [10, 40],
};

function weekday(rng: Rng, year: number): string {
  for (;;) {
    const month = rng.weighted([[1, 7], [2, 10], [3, 10], [4, 9], [5, 10], [6, 6], [8, 6], [9, 10], [10, 10], [11, 10], [12, 5]] as const);
    const d = new Date(Date.UTC(year, month - 1, rng.int(1, 28)));
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !(month === 1 && d.getUTCDate() <= 6)) return d.toISOString().slice(0, 10);
  }
}

/** The unit's standard registers plus what the demo needs: funktionshinder, its owners and 2019 fees, its staff. */
function prepare(db: Db, unitId: number) {
  db.insert(t.areas).values({ unitId, code: 'funktionshinder', name: 'Funktionshinder', reportLabel: 'Funktionshinder', sortOrder: 0 })
    .onConflictDoNothing().run();
  const names = Object.keys(MUNICIPALITY_CODES).sort((a, b) => a.localeCompare(b, 'sv'));
  const municipalities = names.map((name, i) => {
    const code = MUNICIPALITY_CODES[name]!;
    const existing = db.select().from(t.municipalities).where(and(eq(t.municipalities.unitId, unitId), eq(t.municipalities.code, code))).get();
    if (existing) return existing.id;
    const row = db.insert(t.municipalities).values({ unitId, code, name, sortOrder: i + 1 }).returning().get();
    const budget = sodertorn.budget_2019_sek.find((b) => b.municipality === name)!.budget;
    db.insert(t.municipalityYears).values({ municipalityId: row.id, year: 2019, population: null, feeSek: budget }).run();
    return row.id;
  });
  const staff = STAFF.map((s) => {
    const existing = db.select().from(t.staff).where(and(eq(t.staff.unitId, unitId), eq(t.staff.name, s.name))).get();
    return existing?.id ?? db.insert(t.staff).values({ unitId, ...s }).returning().get().id;
  });
  const frameworks = db.select().from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, unitId)).all().map((f) => ({
    ...f, goals: Object.fromEntries(db.select().from(t.goals).where(eq(t.goals.frameworkId, f.id)).all().map((g) => [g.key, g.id])),
  }));
  const areas = Object.fromEntries(db.select().from(t.areas).where(eq(t.areas.unitId, unitId)).all().map((a) => [a.code, a.id]));
  const types = Object.fromEntries(db.select().from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId)).all().map((r) => [r.name, r.id]));
  return { municipalities, staff, frameworks, areas, types };
}

/** 2019's activities, the same on every run (a fixed seed, exact counts per area and goal). */
export function generateSodertorn2019(refs: ReturnType<typeof prepare>, seed = SODERTORN_SEED): DemoActivity[] {
  const rng = createRng(seed);
  const n = SODERTORN_2019_ACTIVITIES;
  const spread = (weights: [string, number][]) => {
    const counts = quotas(n, weights.map(([, w]) => w));
    return rng.shuffle(weights.flatMap(([k], i) => Array<string>(counts[i]!).fill(k)));
  };
  const areas = spread(AREA_WEIGHTS);
  const goals = spread(GOAL_WEIGHTS);
  const out: DemoActivity[] = [];
  for (let i = 0; i < n; i++) {
    const area = areas[i]!;
    const goal = goals[i]!;
    const date = weekday(rng, 2019);
    const fw = frameworkForDate(refs.frameworks, date)!;
    const type = rng.weighted(TYPES_BY_GOAL[goal]!);
    const topic = rng.pick(TOPICS[area]!);
    const range = PARTICIPANTS[type];
    out.push({
      date, year: 2019, title: `${type}: ${topic}`,
      description: rng.next() < 0.3 ? `${type} om ${topic.toLowerCase()} med ägarkommunernas verksamheter.` : null,
      goalId: fw.goals[goal]!, areaId: refs.areas[area]!, typeId: refs.types[type]!,
      format: rng.weighted([['fysiskt', 90], ['digitalt', 6], ['hybrid', 4]] as const),
      participants: range ? rng.int(range[0], range[1]) : null, assignmentId: null, line: null,
      municipalityIds: rng.next() < 0.3 ? [...refs.municipalities] : rng.sample(refs.municipalities, rng.int(1, 4)),
      staffIds: rng.sample(refs.staff, rng.weighted([[1, 6], [2, 3], [3, 1]] as const)),
    });
  }
  // Every owner took part in something during the year.
  for (const m of refs.municipalities) if (!out.some((a) => a.municipalityIds.includes(m))) out[0]!.municipalityIds.push(m);
  return out;
}

/** Fills the (already created) Södertörn unit once: a unit that has activities is left as it is. */
export function loadSodertornDemo(db: Db, unitId: number): { loaded: boolean; count: number } {
  const existing = db.select({ n: sql<number>`count(*)` }).from(t.activities).where(eq(t.activities.unitId, unitId)).get()!.n;
  if (existing > 0) return { loaded: false, count: existing };
  const refs = db.transaction(() => prepare(db, unitId), { behavior: 'immediate' });
  const rows = generateSodertorn2019(refs);
  insertActivities(db, unitId, rows);
  return { loaded: true, count: rows.length };
}

/** The first staff member of the unit, whom the demo medarbetare records work as. */
export function firstStaff(db: Db, unitId: number): { id: number; name: string } | undefined {
  return db.select({ id: t.staff.id, name: t.staff.name }).from(t.staff).where(eq(t.staff.unitId, unitId)).orderBy(t.staff.id).get();
}
