/**
 * Event evaluations (utvärderingar): the standard question set from VB 2023, who may change an evaluation and
 * read its comments, when it takes answers, and the figures the reports show. Pure functions: the API and the
 * web use the same rules, and the tests check them without a server.
 */
import type { RoleName } from './permissions.ts';
import { STANDARD_TARGET_GROUPS } from './target-groups.ts';

/** The questions of the standard set, in the order the answer page asks them. Keys are stable (stored). */
export const EVALUATION_QUESTION_KEYS = ['rating', 'useful', 'affects', 'municipality', 'targetGroup', 'comment'] as const;
export type EvaluationQuestionKey = (typeof EVALUATION_QUESTION_KEYS)[number];

/** "Innehållet var användbart i mitt arbete": instämmer helt / i hög grad / delvis / inte alls. */
export const USEFUL_OPTIONS = ['helt', 'hog', 'delvis', 'inte'] as const;
export type UsefulOption = (typeof USEFUL_OPTIONS)[number];
/** "Är det troligt att deltagandet kommer att påverka ditt arbete framöver?": ja / delvis / nej. */
export const AFFECTS_OPTIONS = ['ja', 'delvis', 'nej'] as const;
export type AffectsOption = (typeof AFFECTS_OPTIONS)[number];
/** Where the respondent works when it is not one of the unit's owner municipalities. */
export const WORKPLACE_OTHER = ['annan', 'ingen'] as const;

export const RATING_MIN = 1;
export const RATING_MAX = 10;

/** The standard wording (VB 2023's survey); a unit's chief may replace any of it with the unit's own. */
export const STANDARD_QUESTION_TEXT: Record<EvaluationQuestionKey, string> = {
  rating: 'Vilket betyg ger du seminariet som helhet?',
  useful: 'Innehållet var användbart i mitt arbete',
  affects: 'Är det troligt att deltagandet kommer att påverka ditt arbete framöver?',
  municipality: 'I vilken kommun arbetar du?',
  targetGroup: 'Vilken yrkesgrupp tillhör du?',
  comment: 'Har du någon kommentar? Skriv inga namn eller personuppgifter.',
};

export const USEFUL_LABELS: Record<UsefulOption, string> = { helt: 'Instämmer helt', hog: 'Instämmer i hög grad', delvis: 'Instämmer delvis', inte: 'Instämmer inte alls' };
export const AFFECTS_LABELS: Record<AffectsOption, string> = { ja: 'Ja', delvis: 'Delvis', nej: 'Nej' };

/** A row of the unit's target-group register, as the answer page needs it. */
export interface TargetGroupRegisterRow {
  id: number;
  /** The standard group's stable key; null for a group the chief added. */
  key: string | null;
  name: string;
}

/**
 * The target groups an answer may name: the unit's register (its active rows, in its order, under the names the
 * chief gave them), or the standard list when the register is empty. An answer stores the key: a standard group's
 * own key, so answers still match after a rename, and `grupp-<id>` for a group the chief added.
 */
export function evaluationTargetGroups(register: readonly TargetGroupRegisterRow[] = []): { key: string; name: string }[] {
  if (register.length === 0) return STANDARD_TARGET_GROUPS.map((g) => ({ key: g.key, name: g.sv }));
  return register.map((r) => ({ key: r.key ?? `grupp-${r.id}`, name: r.name }));
}

interface Editor { role: RoleName; staffId: number | null }

/** Staff on the activity and the chief create and change its evaluation; nobody else. */
export function canEditEvaluation(user: Editor, activityStaffIds: readonly number[]): boolean {
  if (user.role === 'chef') return true;
  return user.role === 'medarbetare' && user.staffId !== null && activityStaffIds.includes(user.staffId);
}

/** Free-text comments: the chief and the activity's staff, never the council or the account administrator. */
export function canReadEvaluationComments(user: Editor, activityStaffIds: readonly number[]): boolean {
  return canEditEvaluation(user, activityStaffIds);
}

export type EvaluationState = 'not_open' | 'open' | 'closed';

/** Whether an evaluation takes answers on `today` (YYYY-MM-DD): both dates count as open days. */
export function evaluationState(opensOn: string, closesOn: string, today: string): EvaluationState {
  if (today < opensOn) return 'not_open';
  if (today > closesOn) return 'closed';
  return 'open';
}

/** One stored answer, as far as the figures need it. */
export interface AnswerFigures { rating: number | null; useful: UsefulOption | null; affects: AffectsOption | null }

/**
 * What the reports show of one evaluation, whether counted from answers or typed in from another tool.
 * Shares are percent of those who answered that question (one decimal as stored); null when not asked or unknown.
 */
export interface EvaluationFigures {
  source: 'answers' | 'aggregate';
  answers: number;
  ratingMean: number | null;
  /** Answers per rating 1–10 (index 0 is 1); null for aggregates, which have only the mean. */
  ratingCounts: number[] | null;
  useful: Record<UsefulOption, number | null>;
  /** helt + hog: "instämmer helt eller i hög grad", the share VB 2023 reports. */
  usefulFullyOrHigh: number | null;
  affects: Record<AffectsOption, number | null>;
  /** ja + delvis: "påverkar arbetet", the share VB 2023 reports. */
  affectsYesOrPartly: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (count: number, of: number) => (of > 0 ? round1((100 * count) / of) : null);

/** The figures of individual answers: means and shares of those who answered each question. */
export function figuresFromAnswers(answers: readonly AnswerFigures[]): EvaluationFigures {
  const ratingCounts = Array.from({ length: RATING_MAX }, () => 0);
  let ratingSum = 0;
  let rated = 0;
  const useful = Object.fromEntries(USEFUL_OPTIONS.map((o) => [o, 0])) as Record<UsefulOption, number>;
  const affects = Object.fromEntries(AFFECTS_OPTIONS.map((o) => [o, 0])) as Record<AffectsOption, number>;
  let usefulN = 0;
  let affectsN = 0;
  for (const a of answers) {
    if (a.rating !== null) { ratingCounts[a.rating - 1]! += 1; ratingSum += a.rating; rated += 1; }
    if (a.useful !== null) { useful[a.useful] += 1; usefulN += 1; }
    if (a.affects !== null) { affects[a.affects] += 1; affectsN += 1; }
  }
  return {
    source: 'answers',
    answers: answers.length,
    ratingMean: rated ? round1(ratingSum / rated) : null,
    ratingCounts,
    useful: Object.fromEntries(USEFUL_OPTIONS.map((o) => [o, pct(useful[o], usefulN)])) as Record<UsefulOption, number | null>,
    usefulFullyOrHigh: pct(useful.helt + useful.hog, usefulN),
    affects: Object.fromEntries(AFFECTS_OPTIONS.map((o) => [o, pct(affects[o], affectsN)])) as Record<AffectsOption, number | null>,
    affectsYesOrPartly: pct(affects.ja + affects.delvis, affectsN),
  };
}

/** Figures typed in from another survey tool (percent per option, any of them unknown). */
export interface AggregateInput {
  answers: number;
  ratingMean: number | null;
  useful: Record<UsefulOption, number | null>;
  /** When the other tool gave only "helt eller i hög grad" together (as VB 2023 does). */
  usefulFullyOrHigh: number | null;
  affects: Record<AffectsOption, number | null>;
  affectsYesOrPartly: number | null;
}

/**
 * The figures of an aggregate. A combined share the other tool gave wins over the sum of its rounded parts (VB 2023:
 * 14 % + 60 % "ja/delvis", but 73 % together, counted before rounding); without one, the parts are added.
 */
export function figuresFromAggregate(a: AggregateInput): EvaluationFigures {
  const sumOf = (x: number | null, y: number | null, given: number | null) => (given !== null ? given : x !== null && y !== null ? round1(x + y) : null);
  return {
    source: 'aggregate',
    answers: a.answers,
    ratingMean: a.ratingMean,
    ratingCounts: null,
    useful: { ...a.useful },
    usefulFullyOrHigh: sumOf(a.useful.helt, a.useful.hog, a.usefulFullyOrHigh),
    affects: { ...a.affects },
    affectsYesOrPartly: sumOf(a.affects.ja, a.affects.delvis, a.affectsYesOrPartly),
  };
}

/** Share of attendees who answered, in percent (one decimal); null without an attendance figure. */
export function responseRate(answers: number, attending: number | null): number | null {
  return attending && attending > 0 ? round1((100 * answers) / attending) : null;
}

/**
 * Several evaluations taken together (a series, a goal, a year): means and shares weighted by each one's number
 * of answers, over those that have the figure. Aggregates and answers count alike.
 */
export function combineFigures(list: readonly EvaluationFigures[]): Omit<EvaluationFigures, 'source' | 'ratingCounts'> & { evaluations: number } {
  const weighted = (get: (f: EvaluationFigures) => number | null) => {
    let sum = 0;
    let weight = 0;
    for (const f of list) {
      const v = get(f);
      if (v === null || f.answers <= 0) continue;
      sum += v * f.answers;
      weight += f.answers;
    }
    return weight ? round1(sum / weight) : null;
  };
  return {
    evaluations: list.length,
    answers: list.reduce((n, f) => n + f.answers, 0),
    ratingMean: weighted((f) => f.ratingMean),
    useful: Object.fromEntries(USEFUL_OPTIONS.map((o) => [o, weighted((f) => f.useful[o])])) as Record<UsefulOption, number | null>,
    usefulFullyOrHigh: weighted((f) => f.usefulFullyOrHigh),
    affects: Object.fromEntries(AFFECTS_OPTIONS.map((o) => [o, weighted((f) => f.affects[o])])) as Record<AffectsOption, number | null>,
    affectsYesOrPartly: weighted((f) => f.affectsYesOrPartly),
  };
}
