/**
 * Answers the boot script (boot/early-requests.ts) asked for before the app's code arrived. Each is taken once,
 * by the first query that wants it; a later refetch asks the API itself. Missing (tests, the dev server), failed,
 * or an answer `accept` does not take (by default anything but 200): the query's own request, with its usual
 * error handling.
 */
type Answer = { status: number; body: unknown } | null;
type Accept<T> = (status: number, body: unknown) => T | undefined;
type EarlyWindow = { __fouEarly?: Record<string, Promise<Answer>>; __fouArrived?: Record<string, Answer> };

const ok = <T>(status: number, body: unknown) => (status === 200 ? (body as T) : undefined);
const earlyWindow = (): EarlyWindow | undefined => (typeof window === 'undefined' ? undefined : (window as unknown as EarlyWindow));

/**
 * The boot script's answer for `path` if it has already arrived and `accept` takes it, as a query's initialData:
 * the page's first render then draws it, instead of one render saying "loading" and another, a task later, the
 * figures (on a phone each render is a long task, and the page's largest text waited for the second). Taken once,
 * like takeEarly's.
 */
export function arrivedEarly<T>(path: string, accept: Accept<T> = ok<T>): T | undefined {
  const w = earlyWindow();
  const answer = w?.__fouArrived?.[path];
  if (!answer) return undefined;
  const value = accept(answer.status, answer.body);
  if (value === undefined) return undefined;
  delete w.__fouArrived![path];
  delete w.__fouEarly?.[path];
  return value;
}

/**
 * A staleTime for a query whose first answer may come from arrivedEarly: that answer is as fresh as one just
 * fetched, so the mounting page does not ask again at once (the query's usual staleTime would make it stale on
 * arrival); every answer after it keeps the query's own staleTime.
 */
export function freshWhenEarly(staleTime: number) {
  return (query: { state: { dataUpdateCount: number } }) => (query.state.dataUpdateCount === 0 ? Math.max(staleTime, 10_000) : staleTime);
}

export async function takeEarly<T>(path: string, ask: () => Promise<T>, accept: Accept<T> = ok<T>): Promise<T> {
  const w = earlyWindow();
  const pending = w?.__fouEarly?.[path];
  if (pending) {
    delete w.__fouEarly![path];
    const answer = await pending;
    // Taken here, so no first render reads it again (it is recorded as it arrives, which may be after this began).
    delete w.__fouArrived?.[path];
    const value = answer ? accept(answer.status, answer.body) : undefined;
    if (value !== undefined) return value;
  }
  return ask();
}

/**
 * Settles when every answer the boot script has asked for has come (or failed), including those it asks for once
 * an earlier answer is in (the overview's reports after the years). main.tsx draws the first render then, capped
 * by a short wait, so that it has the page's figures.
 */
export async function earlyAnswersIn(): Promise<void> {
  const w = earlyWindow();
  const seen = new Set<Promise<Answer>>();
  for (;;) {
    const pending = Object.values(w?.__fouEarly ?? {}).filter((p) => !seen.has(p));
    if (pending.length === 0) return;
    pending.forEach((p) => seen.add(p));
    await Promise.all(pending);
    // The boot script's handlers on these answers ran first (attached first): what they asked for is listed now.
    await Promise.resolve();
  }
}
