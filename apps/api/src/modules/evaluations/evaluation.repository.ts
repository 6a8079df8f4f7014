/**
 * All SQL of event evaluations, for one unit. evaluations carry unit_id; answers have none and are reached
 * through their evaluation's unit: every query on evaluation_answers joins or checks evaluations.unit_id.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export type EvaluationRow = typeof t.evaluations.$inferSelect;
export type EvaluationValues = Omit<typeof t.evaluations.$inferInsert, 'id' | 'unitId' | 'createdAt' | 'updatedAt' | 'version'>;
export interface AnswerValues {
  answeredOn: string;
  rating: number | null;
  useful: string | null;
  affects: string | null;
  municipalityId: number | null;
  workplace: string | null;
  targetGroup: string | null;
  comment: string | null;
  deviceHash: string | null;
}
/** Answers with the same figures, counted: the reports need no single answer. */
export interface AnswerTally { evaluationId: number; rating: number | null; useful: string | null; affects: string | null; n: number }

export function evaluationRepository({ db, unitId }: UnitScope) {
  const e = t.evaluations;
  const a = t.evaluationAnswers;
  const act = t.activities;
  const ownEvaluation = (id: number) => and(eq(e.id, id), eq(e.unitId, unitId));
  const byId = db.select().from(e).where(and(eq(e.id, sql.placeholder('id')), eq(e.unitId, unitId))).prepare();
  const countOf = db.select({ n: sql<number>`count(*)` }).from(a)
    .innerJoin(e, eq(e.id, a.evaluationId))
    .where(and(eq(a.evaluationId, sql.placeholder('id')), eq(e.unitId, unitId))).prepare();

  return {
    get(id: number): EvaluationRow | undefined {
      return byId.get({ id });
    },
    byActivity(activityId: number): EvaluationRow | undefined {
      return db.select().from(e).where(and(eq(e.activityId, activityId), eq(e.unitId, unitId))).get();
    },
    insert(values: EvaluationValues): EvaluationRow {
      return db.insert(e).values({ ...values, unitId }).returning().get();
    },
    /** The row after the change, or undefined when the version had moved. */
    update(id: number, version: number, values: Partial<EvaluationValues>): EvaluationRow | undefined {
      return db.update(e)
        .set({ ...values, version: sql`${e.version} + 1`, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
        .where(and(ownEvaluation(id), eq(e.version, version)))
        .returning().get();
    },
    countAnswers(id: number): number {
      return countOf.get({ id })!.n;
    },
    /** Stores an answer of one of the unit's evaluations; false when the device has answered it already. */
    insertAnswer(evaluationId: number, values: AnswerValues): boolean {
      if (!byId.get({ id: evaluationId })) throw new Error(`evaluation ${evaluationId} is not unit ${unitId}'s`);
      const r = db.insert(a).values({ ...values, evaluationId }).onConflictDoNothing().run();
      return r.changes > 0;
    },
    getAnswer(evaluationId: number, answerId: number) {
      return db.select({ id: a.id, answeredOn: a.answeredOn, rating: a.rating, useful: a.useful, affects: a.affects, municipalityId: a.municipalityId, workplace: a.workplace, targetGroup: a.targetGroup, comment: a.comment })
        .from(a).innerJoin(e, eq(e.id, a.evaluationId))
        .where(and(eq(a.id, answerId), eq(a.evaluationId, evaluationId), eq(e.unitId, unitId))).get();
    },
    deleteAnswer(evaluationId: number, answerId: number): boolean {
      const owned = db.select({ id: e.id }).from(e).where(ownEvaluation(evaluationId));
      return db.delete(a).where(and(eq(a.id, answerId), eq(a.evaluationId, evaluationId), inArray(a.evaluationId, owned))).run().changes > 0;
    },
    comments(evaluationId: number) {
      return db.select({ answerId: a.id, answeredOn: a.answeredOn, comment: a.comment })
        .from(a).innerJoin(e, eq(e.id, a.evaluationId))
        .where(and(eq(a.evaluationId, evaluationId), eq(e.unitId, unitId), sql`${a.comment} is not null and ${a.comment} <> ''`))
        .orderBy(asc(a.id)).all() as { answerId: number; answeredOn: string; comment: string }[];
    },
    /** The unit's evaluations with their activity's year, type and goal, for the reports (one year or all). */
    listForReport(filter: { year?: number; activityId?: number }) {
      const where = [eq(e.unitId, unitId), eq(act.unitId, unitId)];
      if (filter.year !== undefined) where.push(eq(act.year, filter.year));
      if (filter.activityId !== undefined) where.push(eq(act.id, filter.activityId));
      return db.select({
        evaluation: e,
        title: act.title, date: act.date, year: act.year,
        typeId: act.typeId, typeName: t.activityTypes.name,
        goalKey: t.goals.key, goalName: t.goals.name, goalShortName: t.goals.shortName,
      })
        .from(e)
        .innerJoin(act, eq(act.id, e.activityId))
        .innerJoin(t.activityTypes, eq(t.activityTypes.id, act.typeId))
        .innerJoin(t.goals, eq(t.goals.id, act.goalId))
        .where(and(...where))
        .orderBy(asc(act.date), asc(e.id))
        .all();
    },
    /** Answers counted per evaluation and figure. */
    tallies(evaluationIds: readonly number[]): AnswerTally[] {
      if (!evaluationIds.length) return [];
      return db.select({ evaluationId: a.evaluationId, rating: a.rating, useful: a.useful, affects: a.affects, n: sql<number>`count(*)` })
        .from(a).innerJoin(e, eq(e.id, a.evaluationId))
        .where(and(inArray(a.evaluationId, [...evaluationIds]), eq(e.unitId, unitId)))
        .groupBy(a.evaluationId, a.rating, a.useful, a.affects).all();
    },
    /** Answers counted per respondent workplace (an owner municipality, another one, none) and figure. */
    talliesByWorkplace(evaluationIds: readonly number[]) {
      if (!evaluationIds.length) return [];
      return db.select({ municipalityId: a.municipalityId, workplace: a.workplace, rating: a.rating, useful: a.useful, affects: a.affects, n: sql<number>`count(*)` })
        .from(a).innerJoin(e, eq(e.id, a.evaluationId))
        .where(and(inArray(a.evaluationId, [...evaluationIds]), eq(e.unitId, unitId)))
        .groupBy(a.municipalityId, a.workplace, a.rating, a.useful, a.affects).all();
    },
    /** The unit's name, for the public page's heading. */
    unitName(): string {
      return db.select({ name: t.units.name }).from(t.units).where(eq(t.units.id, unitId)).get()?.name ?? '';
    },
    wordings(): { questionKey: string; text: string }[] {
      return db.select({ questionKey: t.evaluationWordings.questionKey, text: t.evaluationWordings.text })
        .from(t.evaluationWordings).where(eq(t.evaluationWordings.unitId, unitId)).all();
    },
    setWording(questionKey: string, text: string | null): void {
      const w = t.evaluationWordings;
      if (text === null) {
        db.delete(w).where(and(eq(w.unitId, unitId), eq(w.questionKey, questionKey))).run();
        return;
      }
      db.insert(w).values({ unitId, questionKey, text }).onConflictDoUpdate({ target: [w.unitId, w.questionKey], set: { text } }).run();
    },
  };
}
