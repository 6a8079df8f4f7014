/**
 * The public answer link's one query across units: a token names an evaluation, whose unit then becomes the
 * scope everything else runs in (as a session token names an account). Nothing else is read here.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';

export function evaluationLinkRepository(db: Db) {
  const byToken = db.select({ unitId: t.evaluations.unitId, evaluationId: t.evaluations.id })
    .from(t.evaluations).where(eq(t.evaluations.publicToken, sql.placeholder('token'))).prepare();
  return {
    resolve(token: string): { unitId: number; evaluationId: number } | undefined {
      return byToken.get({ token });
    },
  };
}
export type EvaluationLinkRepository = ReturnType<typeof evaluationLinkRepository>;
