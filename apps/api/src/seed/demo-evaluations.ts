/**
 * The demo's event evaluations: the 2023 events VB 2023 reports figures for (shared/data/vb2023-evaluations.json),
 * added to the demo's 2023 activities with evaluations that reproduce those figures. The FoU-frukostar and the
 * home-visit seminar have individual answers made to match (means and shares exactly, at one decimal); the Social
 * Talks seminar and the school-attendance conference are figures "from another tool" (aggregates), as they were.
 * A separate seeded generator: the activities drawn in demo-data.ts stay exactly as they were.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { frameworkForDate, evaluationTargetGroups, type AggregateInput } from '@fou/domain';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { DemoRefs } from './demo-data.ts';
import { createRng, type Rng } from './random.ts';

interface AnswerPlan {
  n: number;
  ratingSum: number | null;
  useful: { helt: number; hog: number; delvis: number; inte: number } | null;
  affects: { ja: number; delvis: number; nej: number } | null;
}
export interface DemoEvent {
  title: string; type: string; date: string; area: string; registered: number | null; attending: number | null;
  questions: string[]; answers?: AnswerPlan; aggregate?: AggregateInput;
}

const WITHOUT_AFFECTS = ['rating', 'useful', 'municipality', 'targetGroup', 'comment'];
const ALL = ['rating', 'useful', 'affects', 'municipality', 'targetGroup', 'comment'];

/** VB 2023's figures, as the answers that give them (n = 100 makes the published whole percents exact where it fits). */
export const VB2023_EVENTS: DemoEvent[] = [
  {
    title: 'FoU-frukost: Våldsbejakande extremism', type: 'FoU-frukost', date: '2023-09-21', area: 'ifo', registered: 130, attending: 118,
    questions: WITHOUT_AFFECTS, answers: { n: 100, ratingSum: 730, useful: { helt: 18, hog: 23, delvis: 47, inte: 12 }, affects: null },
  },
  {
    title: 'FoU-frukost: Att förebygga hedersrelaterat våld och förtryck i förskolan', type: 'FoU-frukost', date: '2023-11-16', area: 'bou', registered: 92, attending: 84,
    // 92 registered, so fewer answers: 48 / 75 = 64.0 %, 20 / 75 = 26.7 % (VB: 27 %), 600 / 75 = 8.0.
    questions: WITHOUT_AFFECTS, answers: { n: 75, ratingSum: 600, useful: { helt: 22, hog: 26, delvis: 20, inte: 7 }, affects: null },
  },
  {
    title: 'FoU-frukost: Skyddat boende-reformen', type: 'FoU-frukost', date: '2023-12-07', area: 'ifo', registered: 151, attending: 137,
    questions: WITHOUT_AFFECTS, answers: { n: 100, ratingSum: 770, useful: { helt: 33, hog: 36, delvis: 20, inte: 11 }, affects: null },
  },
  {
    title: 'FoU Social Talks: Förebygga nyrekrytering (hybridseminarium)', type: 'FoU Social Talks', date: '2023-10-12', area: 'bou', registered: null, attending: 74,
    questions: ALL,
    aggregate: { answers: 51, ratingMean: null, useful: { helt: null, hog: null, delvis: null, inte: null }, usefulFullyOrHigh: null, affects: { ja: 45, delvis: 41, nej: 14 }, affectsYesOrPartly: 86 },
  },
  {
    title: 'Konferens: ifous konferens om skolnärvaro', type: 'Konferens (deltagande)', date: '2023-05-10', area: 'bou', registered: null, attending: null,
    questions: ALL,
    // The source gives 14 % + 60 % but 73 % together (counted before rounding): the combined figure is kept as given.
    aggregate: { answers: 37, ratingMean: null, useful: { helt: null, hog: null, delvis: null, inte: null }, usefulFullyOrHigh: null, affects: { ja: 14, delvis: 60, nej: 26 }, affectsYesOrPartly: 73 },
  },
  {
    title: 'Seminarium: Hembesöksprogrammet', type: 'Seminarium', date: '2023-04-20', area: 'bou', registered: null, attending: 14,
    // 95 / 11 = 8.64 → 8.6; 8 / 11 = 72.7 % and 3 / 11 = 27.3 % (VB: 73 % and 27 %).
    questions: ALL, answers: { n: 11, ratingSum: 95, useful: { helt: 7, hog: 4, delvis: 0, inte: 0 }, affects: { ja: 8, delvis: 3, nej: 0 } },
  },
];

const COMMENTS = [
  'Mycket relevant för mitt arbete.', 'Önskar mer tid för frågor.', 'Bra med konkreta exempel från verksamheten.',
  'Gärna fler frukostar på det här temat.', 'Lite för kort tid.', 'Tydlig och engagerande föreläsare.',
];

/** `n` ratings from 1 to 10 summing to `sum`, spread around the mean as answers are. */
export function ratingsWithSum(rng: Rng, n: number, sum: number): number[] {
  const base = Math.floor(sum / n);
  const ratings = Array.from({ length: n }, (_, i) => base + (i < sum - base * n ? 1 : 0));
  // Spread: move a point from one answer to another, keeping the sum, within 1..10.
  for (let k = 0; k < n * 3; k++) {
    const i = rng.int(0, n - 1);
    const j = rng.int(0, n - 1);
    if (i !== j && ratings[i]! < 10 && ratings[j]! > Math.max(1, base - 3) && ratings[i]! < base + 3) {
      ratings[i]! += 1;
      ratings[j]! -= 1;
    }
  }
  return rng.shuffle(ratings);
}

function spread<K extends string>(rng: Rng, counts: Record<K, number> | null, n: number): (K | null)[] {
  if (!counts) return Array<null>(n).fill(null);
  const list = (Object.entries(counts) as [K, number][]).flatMap(([k, c]) => Array<K>(c).fill(k));
  return rng.shuffle([...list, ...Array<null>(n - list.length).fill(null)]);
}

/** Adds the VB 2023 events to the demo's 2023 activities, each with its evaluation. */
export function insertDemoEvaluations(db: Db, unitId: number, refs: DemoRefs): void {
  const rng = createRng(20231231);
  const municipalities = db.select({ id: t.municipalities.id }).from(t.municipalities).where(eq(t.municipalities.unitId, unitId)).all().map((m) => m.id);
  const groups = evaluationTargetGroups().map((g) => g.key);
  db.transaction((tx) => {
    for (const ev of VB2023_EVENTS) {
      const fw = frameworkForDate(refs.frameworks, ev.date)!;
      const activity = tx.insert(t.activities).values({
        unitId, date: ev.date, year: Number(ev.date.slice(0, 4)), title: ev.title, description: null,
        goalId: fw.goals.spridning!, areaId: refs.areas[ev.area]!, typeId: refs.types[ev.type]!,
        format: ev.type === 'FoU Social Talks' ? 'hybrid' : 'fysiskt', participants: ev.attending, assignmentId: null, line: 'forsta',
      }).returning().get();
      for (const m of municipalities) tx.insert(t.activityMunicipalities).values({ activityId: activity.id, municipalityId: m }).run();
      // The demo medarbetare is the first staff member: they can open the link, the QR code and the comments.
      for (const s of [refs.staff[0]!, refs.staff[1 + rng.int(0, refs.staff.length - 2)]!]) tx.insert(t.activityStaff).values({ activityId: activity.id, staffId: s }).run();
      const closes = new Date(Date.parse(`${ev.date}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      const evaluation = tx.insert(t.evaluations).values({
        unitId, activityId: activity.id, publicToken: randomBytes(20).toString('base64url'), registered: ev.registered, attending: ev.attending,
        opensOn: ev.date, closesOn: closes, questions: ev.questions, source: ev.aggregate ? 'aggregate' : 'answers', aggregate: ev.aggregate ?? null,
      }).returning().get();
      const plan = ev.answers;
      if (!plan) continue;
      const ratings = plan.ratingSum === null ? Array<null>(plan.n).fill(null) : ratingsWithSum(rng, plan.n, plan.ratingSum);
      const useful = spread(rng, plan.useful, plan.n);
      const affects = spread(rng, plan.affects, plan.n);
      for (let i = 0; i < plan.n; i++) {
        const where = rng.next();
        const municipalityId = where < 0.85 ? rng.pick(municipalities) : null;
        tx.insert(t.evaluationAnswers).values({
          evaluationId: evaluation.id, answeredOn: ev.date, rating: ratings[i]!, useful: useful[i]!, affects: affects[i]!,
          municipalityId, workplace: municipalityId ? 'agare' : where < 0.95 ? 'annan' : 'ingen',
          targetGroup: rng.weighted([[groups[2]!, 6], [groups[1]!, 2], [groups[0]!, 1], [groups[5]!, 1]] as const),
          comment: rng.next() < 0.12 ? rng.pick(COMMENTS) : null, deviceHash: null,
        }).run();
      }
    }
  }, { behavior: 'immediate' });
}
