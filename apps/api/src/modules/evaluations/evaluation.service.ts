/**
 * Event evaluations: who may change them, when the public link takes answers, and the figures of the reports
 * (rules in packages/domain/src/evaluations.ts; storage in evaluation.repository.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AFFECTS_LABELS, AFFECTS_OPTIONS, canEditEvaluation, canReadEvaluationComments, combineFigures, EVALUATION_QUESTION_KEYS,
  evaluationState, evaluationTargetGroups, figuresFromAggregate, figuresFromAnswers, RATING_MAX, RATING_MIN, responseRate,
  STANDARD_QUESTION_TEXT, todayInSweden, USEFUL_LABELS, USEFUL_OPTIONS,
  type AggregateInput, type AnswerFigures, type EvaluationFigures, type EvaluationQuestionKey,
} from '@fou/domain';
import type { UnitScope, UnitScopes } from '../../db/unit-scope.ts';
import type { Principal } from '../../lib/access.ts';
import { ApiError, conflict, FieldErrors, notFound } from '../../lib/errors.ts';
import { activityRepository } from '../activities/activity.repository.ts';
import { loadLookups, type Lookups } from '../activities/activity.service.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { assertYearOpen, isLocked } from '../period-locks/period-lock.service.ts';
import { evaluationRepository, type AnswerTally, type EvaluationRow } from './evaluation.repository.ts';
import type { EvaluationLinkRepository } from './evaluation-link.repository.ts';
import type {
  Evaluation, EvaluationCreate, EvaluationReport, EvaluationReportQuery, EvaluationUpdate, PublicAnswer, PublicEvaluation, WordingUpdate,
} from './evaluation.schemas.ts';

/** 160 random bits (≥ 128 asked for), base64url: the link cannot be guessed or counted through. */
export function newPublicToken(): string {
  return randomBytes(20).toString('base64url');
}

/** The activity an evaluation belongs to, and its staff: 404 unless it is the unit's. */
function activityOf(scope: UnitScope, activityId: number) {
  const repo = scope.repo(activityRepository);
  const row = repo.get(activityId);
  if (!row) throw notFound(`Aktivitet ${activityId}`);
  const staffIds = repo.links([activityId]).staff.get(activityId) ?? [];
  return { row, staffIds };
}

const asEditor = (p: Principal) => (p.kind === 'user' ? { role: p.role, staffId: p.staffId } : null);
function mayEdit(p: Principal, staffIds: readonly number[]): boolean {
  const e = asEditor(p);
  return e === null ? true : canEditEvaluation(e, staffIds); // null: the system (seeders)
}
function assertMayEdit(p: Principal, staffIds: readonly number[]): void {
  if (!mayEdit(p, staffIds)) throw new ApiError(403, 'Bara FoU-chefen och medarbetarna på aktiviteten kan skapa och ändra dess utvärdering.');
}

/** Expands counted answers back into the list the domain's figures take. */
function expand(tallies: readonly AnswerTally[]): AnswerFigures[] {
  const out: AnswerFigures[] = [];
  for (const x of tallies) {
    const one: AnswerFigures = {
      rating: x.rating,
      useful: (USEFUL_OPTIONS as readonly string[]).includes(x.useful ?? '') ? (x.useful as AnswerFigures['useful']) : null,
      affects: (AFFECTS_OPTIONS as readonly string[]).includes(x.affects ?? '') ? (x.affects as AnswerFigures['affects']) : null,
    };
    for (let i = 0; i < x.n; i++) out.push(one);
  }
  return out;
}

function figuresOf(row: EvaluationRow, tallies: readonly AnswerTally[]): EvaluationFigures {
  if (row.source === 'aggregate' && row.aggregate) return figuresFromAggregate(row.aggregate as AggregateInput);
  return figuresFromAnswers(expand(tallies));
}

function toApi(scope: UnitScope, actor: Principal, row: EvaluationRow, activity: ReturnType<typeof activityOf>): Evaluation {
  const repo = scope.repo(evaluationRepository);
  const figures = figuresOf(row, repo.tallies([row.id]));
  const canEdit = mayEdit(actor, activity.staffIds);
  const e = asEditor(actor);
  const type = loadLookups(scope).types.get(activity.row.typeId);
  return {
    id: row.id,
    activity: { id: activity.row.id, title: activity.row.title, date: activity.row.date, year: activity.row.year, type: type?.name ?? '' },
    registered: row.registered,
    attending: row.attending,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    state: stateOf(row),
    questions: row.questions as EvaluationQuestionKey[],
    source: row.source,
    aggregate: (row.aggregate as AggregateInput | null) ?? null,
    figures,
    responseRate: responseRate(figures.answers, row.attending),
    publicToken: canEdit ? row.publicToken : null,
    canEdit,
    canReadComments: e === null || canReadEvaluationComments(e, activity.staffIds),
    version: row.version,
  };
}

/** An evaluation of figures from another tool takes no answers through the link. */
function stateOf(row: EvaluationRow, today = todayInSweden()) {
  return row.source === 'aggregate' ? 'closed' as const : evaluationState(row.opensOn, row.closesOn, today);
}

function checkInput(input: EvaluationCreate): void {
  const errors = new FieldErrors();
  if (input.closesOn < input.opensOn) errors.add('closesOn', 'closes_before_opening', 'Sista svarsdagen kan inte ligga före den första.');
  if (input.source === 'aggregate' && !input.aggregate) errors.add('aggregate', 'required', 'Ange siffrorna från det andra verktyget.');
  if (input.attending != null && input.registered != null && input.attending > input.registered * 10) {
    errors.add('attending', 'implausible', 'Fler än tio gånger så många deltagare som anmälda: stämmer siffrorna?');
  }
  const sums: [string, (number | null)[]][] = input.aggregate
    ? [['aggregate.useful', Object.values(input.aggregate.useful)], ['aggregate.affects', Object.values(input.aggregate.affects)]]
    : [];
  for (const [field, values] of sums) {
    const total = values.reduce<number>((n, v) => n + (v ?? 0), 0);
    if (total > 100.5) errors.add(field, 'over_100', `Andelarna blir tillsammans ${total} procent: högst 100.`, 'body', { total });
  }
  errors.throwIfAny();
}

function valuesOf(input: EvaluationCreate) {
  const questions = EVALUATION_QUESTION_KEYS.filter((k) => input.questions.includes(k));
  return {
    registered: input.registered ?? null,
    attending: input.attending ?? null,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    questions,
    source: input.source,
    aggregate: input.source === 'aggregate' ? input.aggregate ?? null : null,
  };
}

/** The activity's evaluation, or null when it has none (the activity page asks on every visit: not an error). */
export function getForActivity(scope: UnitScope, actor: Principal, activityId: number): Evaluation | null {
  const activity = activityOf(scope, activityId);
  const row = scope.repo(evaluationRepository).byActivity(activityId);
  return row ? toApi(scope, actor, row, activity) : null;
}

function evaluationOf(scope: UnitScope, id: number) {
  const row = scope.repo(evaluationRepository).get(id);
  if (!row) throw notFound(`Utvärdering ${id}`);
  return { row, activity: activityOf(scope, row.activityId) };
}

export function getEvaluation(scope: UnitScope, actor: Principal, id: number): Evaluation {
  const { row, activity } = evaluationOf(scope, id);
  return toApi(scope, actor, row, activity);
}

export function createEvaluation(scope: UnitScope, actor: Principal, activityId: number, input: EvaluationCreate): Promise<Evaluation> {
  checkInput(input);
  return scope.write(() => {
    const activity = activityOf(scope, activityId);
    assertMayEdit(actor, activity.staffIds);
    assertYearOpen(scope, activity.row.year);
    const repo = scope.repo(evaluationRepository);
    if (repo.byActivity(activityId)) throw conflict('Aktiviteten har redan en utvärdering: ändra den i stället.', 'already_exists');
    const row = repo.insert({ activityId, publicToken: newPublicToken(), ...valuesOf(input) });
    const after = toApi(scope, actor, row, activity);
    scope.repo(auditRepository).record({ actor, action: 'create', entity: 'evaluation', entityId: row.id, after: auditShape(after) });
    return after;
  });
}

export function updateEvaluation(scope: UnitScope, actor: Principal, id: number, input: EvaluationUpdate): Promise<Evaluation> {
  checkInput(input);
  return scope.write(() => {
    const { row: current, activity } = evaluationOf(scope, id);
    assertMayEdit(actor, activity.staffIds);
    assertYearOpen(scope, activity.row.year);
    if (current.version !== input.version) {
      throw conflict(`Utvärderingen har ändrats av någon annan (din version ${input.version}, nu ${current.version}). Ladda om och gör ändringen igen.`, 'stale_version', { currentVersion: current.version });
    }
    const before = toApi(scope, actor, current, activity);
    const row = scope.repo(evaluationRepository).update(id, input.version, valuesOf(input))!;
    const after = toApi(scope, actor, row, activity);
    scope.repo(auditRepository).record({ actor, action: 'update', entity: 'evaluation', entityId: id, before: auditShape(before), after: auditShape(after) });
    return after;
  });
}

/** What the trail keeps of an evaluation: its settings, not the link (a way in) nor the figures (derived). */
function auditShape(e: Evaluation) {
  return { activityId: e.activity.id, registered: e.registered, attending: e.attending, opensOn: e.opensOn, closesOn: e.closesOn, questions: e.questions, source: e.source, aggregate: e.aggregate };
}

export function answerCount(scope: UnitScope, id: number) {
  const { row } = evaluationOf(scope, id);
  return { answers: scope.repo(evaluationRepository).countAnswers(id), state: stateOf(row) };
}

export function comments(scope: UnitScope, actor: Principal, id: number) {
  const { activity } = evaluationOf(scope, id);
  const e = asEditor(actor);
  if (e && !canReadEvaluationComments(e, activity.staffIds)) {
    throw new ApiError(403, 'Kommentarerna visas bara för FoU-chefen och medarbetarna på aktiviteten.');
  }
  return { items: scope.repo(evaluationRepository).comments(id) };
}

export function removeAnswer(scope: UnitScope, actor: Principal, id: number, answerId: number): Promise<void> {
  return scope.write(() => {
    const { activity } = evaluationOf(scope, id);
    assertYearOpen(scope, activity.row.year);
    const repo = scope.repo(evaluationRepository);
    const before = repo.getAnswer(id, answerId);
    if (!before) throw notFound(`Svar ${answerId}`);
    repo.deleteAnswer(id, answerId);
    scope.repo(auditRepository).record({ actor, action: 'delete', entity: 'evaluation_answer', entityId: answerId, before: { evaluationId: id, ...before } });
  });
}

/** The public link's path on this server; the page is the SPA's /svar/:token. */
export function publicPath(token: string): string {
  return `/svar/${token}`;
}

export async function qrCode(scope: UnitScope, actor: Principal, id: number, format: 'png' | 'svg', origin: string): Promise<{ type: string; body: string | Buffer }> {
  const { row, activity } = evaluationOf(scope, id);
  assertMayEdit(actor, activity.staffIds);
  // Loaded on first use: most processes never draw a QR code.
  const QRCode = (await import('qrcode')).default;
  const url = `${origin}${publicPath(row.publicToken)}`;
  if (format === 'svg') return { type: 'image/svg+xml', body: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  return { type: 'image/png', body: await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 }) };
}

// ---- the unit's wording of the standard questions

function questionTexts(scope: UnitScope): Record<EvaluationQuestionKey, string> {
  const own = new Map(scope.repo(evaluationRepository).wordings().map((w) => [w.questionKey, w.text]));
  return Object.fromEntries(EVALUATION_QUESTION_KEYS.map((k) => [k, own.get(k) ?? STANDARD_QUESTION_TEXT[k]])) as Record<EvaluationQuestionKey, string>;
}

export function getWording(scope: UnitScope) {
  const texts = questionTexts(scope);
  return { items: EVALUATION_QUESTION_KEYS.map((key) => ({ key, text: texts[key], standard: STANDARD_QUESTION_TEXT[key], isStandard: texts[key] === STANDARD_QUESTION_TEXT[key] })) };
}

export function putWording(scope: UnitScope, actor: Principal, input: WordingUpdate) {
  return scope.write(() => {
    const before = getWording(scope);
    const repo = scope.repo(evaluationRepository);
    // The standard text itself is stored as "no wording of our own", so a later change of the standard reaches it.
    for (const item of input.items) repo.setWording(item.key, item.text === STANDARD_QUESTION_TEXT[item.key] ? null : item.text);
    const after = getWording(scope);
    scope.repo(auditRepository).record({ actor, action: 'update', entity: 'evaluation_wording', entityId: null, before: before.items, after: after.items });
    return after;
  });
}

// ---- the public answer page (no login: the token is the way in)

const WORKPLACE_LABELS: Record<string, string> = { annan: 'Annan kommun eller organisation', ingen: 'Vill inte svara' };

function resolveLink(scopes: UnitScopes, links: EvaluationLinkRepository, token: string) {
  const link = links.resolve(token);
  if (!link) throw new ApiError(404, 'Utvärderingen finns inte. Kontrollera länken eller fråga den som höll i evenemanget.', undefined, { code: 'unknown_evaluation' });
  const scope = scopes.for(link.unitId);
  const row = scope.repo(evaluationRepository).get(link.evaluationId)!;
  return { scope, row };
}

export function publicView(scopes: UnitScopes, links: EvaluationLinkRepository, token: string): PublicEvaluation {
  const { scope, row } = resolveLink(scopes, links, token);
  const activity = scope.repo(activityRepository).get(row.activityId)!;
  const texts = questionTexts(scope);
  const lk = loadLookups(scope);
  const options = (key: EvaluationQuestionKey) => {
    switch (key) {
      case 'rating': return Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => ({ value: String(i + RATING_MIN), label: String(i + RATING_MIN) }));
      case 'useful': return USEFUL_OPTIONS.map((o) => ({ value: o, label: USEFUL_LABELS[o] }));
      case 'affects': return AFFECTS_OPTIONS.map((o) => ({ value: o, label: AFFECTS_LABELS[o] }));
      case 'municipality': return [
        ...[...lk.municipalities.values()].filter((m) => m.active).map((m) => ({ value: m.code, label: m.name })),
        ...Object.entries(WORKPLACE_LABELS).map(([value, label]) => ({ value, label })),
      ];
      case 'targetGroup': return answerTargetGroups(lk).map((g) => ({ value: g.key, label: g.name }));
      case 'comment': return [];
    }
  };
  return {
    title: activity.title,
    date: activity.date,
    unitName: scope.repo(evaluationRepository).unitName(),
    state: isLocked(scope, activity.year) ? 'closed' : stateOf(row),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    questions: (row.questions as EvaluationQuestionKey[]).map((key) => ({ key, text: texts[key], options: options(key) })),
  };
}

/** The unit's active target groups in the register's order (the standard list if the chief emptied it). */
function answerTargetGroups(lk: Lookups) {
  const rank = (id: number) => lk.targetGroupRank.get(id) ?? 0;
  const active = [...lk.targetGroups.values()].filter((g) => !lk.inactive.targetGroups.has(g.id)).sort((a, b) => rank(a.id) - rank(b.id));
  return evaluationTargetGroups(active);
}

export async function submitPublicAnswer(scopes: UnitScopes, links: EvaluationLinkRepository, token: string, body: PublicAnswer): Promise<void> {
  const { scope, row } = resolveLink(scopes, links, token);
  const state = stateOf(row);
  if (state === 'closed') throw new ApiError(409, 'Utvärderingen är stängd och tar inte emot fler svar. Tack ändå!', undefined, { code: 'closed' });
  if (state === 'not_open') throw new ApiError(409, `Utvärderingen öppnar ${row.opensOn}.`, undefined, { code: 'not_open' });
  const asked = new Set(row.questions);
  // A question this evaluation does not ask is not stored, even if a stale page sends it.
  const pick = <K extends keyof PublicAnswer>(key: K, question: EvaluationQuestionKey) => (asked.has(question) ? body[key] ?? null : null);
  const errors = new FieldErrors();
  const lk = loadLookups(scope);
  let municipalityId: number | null = null;
  let workplace: string | null = null;
  const municipality = pick('municipality', 'municipality') as string | null;
  if (municipality !== null) {
    if (municipality in WORKPLACE_LABELS) workplace = municipality;
    else {
      const m = [...lk.municipalities.values()].find((x) => x.code === municipality && x.active);
      if (!m) errors.add('municipality', 'unknown_municipality', 'Välj en kommun i listan.');
      else { municipalityId = m.id; workplace = 'agare'; }
    }
  }
  const targetGroup = pick('targetGroup', 'targetGroup') as string | null;
  if (targetGroup !== null && !answerTargetGroups(lk).some((g) => g.key === targetGroup)) errors.add('targetGroup', 'unknown_target_group', 'Välj en yrkesgrupp i listan.');
  errors.throwIfAny();
  const values = {
    answeredOn: todayInSweden(),
    rating: pick('rating', 'rating') as number | null,
    useful: pick('useful', 'useful') as string | null,
    affects: pick('affects', 'affects') as string | null,
    municipalityId, workplace, targetGroup,
    comment: (pick('comment', 'comment') as string | null) || null,
    deviceHash: body.deviceToken ? createHash('sha256').update(`${row.id}:${body.deviceToken}`).digest('hex') : null,
  };
  if (values.rating === null && values.useful === null && values.affects === null && values.workplace === null && values.targetGroup === null && values.comment === null) {
    throw new ApiError(400, 'Svaret är tomt: svara på minst en fråga.', [{ field: 'body', in: 'body', code: 'empty_answer', message: 'Svara på minst en fråga.' }]);
  }
  const stored = await scope.write(() => {
    // An adopted annual report's year takes no more answers: its figures are final.
    const year = scope.repo(activityRepository).get(row.activityId)!.year;
    if (isLocked(scope, year)) throw new ApiError(409, 'Utvärderingen är stängd och tar inte emot fler svar. Tack ändå!', undefined, { code: 'closed' });
    return scope.repo(evaluationRepository).insertAnswer(row.id, values);
  });
  if (!stored) throw new ApiError(409, 'Du har redan svarat på den här utvärderingen från den här enheten. Tack!', undefined, { code: 'already_answered' });
}

// ---- reports

const GROUP_NOTE: Record<string, string | null> = {
  event: null,
  series: 'Serie: evenemang av samma aktivitetstyp samma år. Medelvärden och andelar vägs med antalet svar.',
  goal: 'Per resultatmål och år. Medelvärden och andelar vägs med antalet svar.',
  municipality: 'Per svarandes kommun: bara svar via länken (sammanställningar från andra verktyg saknar kommun).',
};

export function evaluationReport(scope: UnitScope, q: EvaluationReportQuery): EvaluationReport {
  const repo = scope.repo(evaluationRepository);
  const rows = repo.listForReport({ ...(q.year !== undefined ? { year: q.year } : {}), ...(q.activity !== undefined ? { activityId: q.activity } : {}) });
  const tallies = repo.tallies(rows.map((r) => r.evaluation.id));
  const byEvaluation = new Map<number, AnswerTally[]>();
  for (const x of tallies) (byEvaluation.get(x.evaluationId) ?? byEvaluation.set(x.evaluationId, []).get(x.evaluationId)!).push(x);
  const events = rows.map((r) => {
    const figures = figuresOf(r.evaluation, byEvaluation.get(r.evaluation.id) ?? []);
    return {
      evaluationId: r.evaluation.id, activityId: r.evaluation.activityId, title: r.title, date: r.date, year: r.year,
      type: r.typeName, goal: r.goalShortName ?? r.goalName, goalKey: r.goalKey,
      registered: r.evaluation.registered, attending: r.evaluation.attending,
      responseRate: responseRate(figures.answers, r.evaluation.attending), figures,
    };
  });
  const groups: EvaluationReport['groups'] = [];
  const groupBy = (keyOf: (e: (typeof events)[number]) => { key: string; label: string; year: number | null }) => {
    const map = new Map<string, { key: string; label: string; year: number | null; list: EvaluationFigures[] }>();
    for (const e of events) {
      const k = keyOf(e);
      const id = `${k.key}|${k.year}`;
      (map.get(id) ?? map.set(id, { ...k, list: [] }).get(id)!).list.push(e.figures);
    }
    for (const g of map.values()) groups.push({ key: g.key, label: g.label, year: g.year, figures: combineFigures(g.list) });
  };
  if (q.groupBy === 'series') groupBy((e) => ({ key: e.type, label: e.type, year: e.year }));
  if (q.groupBy === 'goal') groupBy((e) => ({ key: e.goalKey, label: e.goal, year: e.year }));
  if (q.groupBy === 'municipality') {
    const answered = rows.filter((r) => r.evaluation.source === 'answers').map((r) => r.evaluation.id);
    const lk = loadLookups(scope);
    const map = new Map<string, { label: string; tallies: AnswerTally[]; order: number }>();
    for (const x of repo.talliesByWorkplace(answered)) {
      const m = x.municipalityId === null ? undefined : lk.municipalities.get(x.municipalityId);
      const key = m ? m.code : x.workplace ?? 'okand';
      const label = m ? m.name : x.workplace ? WORKPLACE_LABELS[x.workplace] ?? x.workplace : 'Inte besvarat';
      const order = m ? lk.municipalityRank.get(m.id) ?? 0 : 1000 + (x.workplace === 'annan' ? 0 : x.workplace === 'ingen' ? 1 : 2);
      (map.get(key) ?? map.set(key, { label, tallies: [], order }).get(key)!).tallies.push({ evaluationId: 0, rating: x.rating, useful: x.useful, affects: x.affects, n: x.n });
    }
    for (const [key, g] of [...map].sort((a, b) => a[1].order - b[1].order)) {
      const f = figuresFromAnswers(expand(g.tallies));
      const { source: _s, ratingCounts: _r, ...rest } = f;
      groups.push({ key, label: g.label, year: q.year ?? null, figures: { evaluations: answered.length, ...rest } });
    }
  }
  return { groupBy: q.groupBy, year: q.year ?? null, events: events.map(({ goalKey: _g, ...e }) => e), groups, note: GROUP_NOTE[q.groupBy] ?? null };
}
