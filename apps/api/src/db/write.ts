/**
 * The one way the API writes: `writeTransaction(db, fn)` runs `fn` in a BEGIN IMMEDIATE transaction and, when
 * another process (a script, a second server, a backup restore) holds SQLite's write lock, waits for it without
 * blocking the event loop.
 *
 * Why: better-sqlite3 waits out busy_timeout synchronously, so a long busy_timeout froze every request of the
 * process (a static file, GET /auth/me) for as long as another process held the lock. The API's connection
 * therefore has a busy_timeout of a few milliseconds (LOCK_PROBE_MS), and a write that finds the lock taken is
 * retried after an awaited timer, with growing pauses, until WRITE_LOCK_BUDGET_MS; then it fails as
 * DatabaseBusyError (503 with Retry-After). A transaction that got SQLITE_BUSY was rolled back whole, so retrying
 * it is safe and nothing is half written. Taking the lock at BEGIN (IMMEDIATE) also makes a transaction that reads
 * first wait for the lock instead of failing at its first write when its snapshot turned out stale.
 *
 * When the lock is free, the cost is one try/catch and a resolved promise: microseconds.
 */
import type { Db } from './client.ts';

/** How long one attempt may wait inside SQLite (synchronously) before it gives the event loop back. */
export const LOCK_PROBE_MS = 5;
/** How long a write waits for another process's lock in all, as the 5 s busy_timeout did before. */
export const WRITE_LOCK_BUDGET_MS = 5000;

/** Another process held the write lock for the whole budget: nothing was written. */
export class DatabaseBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(readonly waitedMs: number) {
    super(`database write lock still held after ${waitedMs} ms`);
  }
}

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` (a synchronous write that takes the lock at its start) until it does not fail with SQLITE_BUSY,
 * pausing asynchronously between tries; throws DatabaseBusyError once `budgetMs` has passed.
 */
export async function retryWhileBusy<T>(attempt: () => T, budgetMs = WRITE_LOCK_BUDGET_MS): Promise<T> {
  const started = Date.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return attempt();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const waited = Date.now() - started;
      if (waited >= budgetMs) throw new DatabaseBusyError(waited);
      await sleep(Math.min(pause, budgetMs - waited));
    }
  }
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** `fn` in one immediate transaction, retried while another process holds the write lock (see above). */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T, budgetMs = WRITE_LOCK_BUDGET_MS): Promise<T> {
  return retryWhileBusy(() => db.transaction(fn, { behavior: 'immediate' }), budgetMs);
}
