/**
 * Answers the boot script (boot/early-requests.ts) asked for before the app's code arrived. Each is taken once,
 * by the first query that wants it; a later refetch asks the API itself. Missing (tests, the dev server), failed,
 * or an answer `accept` does not take (by default anything but 200): the query's own request, with its usual
 * error handling.
 */
type Answer = { status: number; body: unknown } | null;

export async function takeEarly<T>(path: string, ask: () => Promise<T>, accept: (status: number, body: unknown) => T | undefined = (status, body) => (status === 200 ? (body as T) : undefined)): Promise<T> {
  const early = typeof window === 'undefined' ? undefined : (window as unknown as { __fouEarly?: Record<string, Promise<Answer>> }).__fouEarly;
  const pending = early?.[path];
  if (pending) {
    delete early[path];
    const answer = await pending;
    const value = answer ? accept(answer.status, answer.body) : undefined;
    if (value !== undefined) return value;
  }
  return ask();
}
