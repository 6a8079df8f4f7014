/**
 * The public answer page's limit per client address: @fastify/rate-limit's in-memory store (one server process; a
 * restart forgets it), registered on the public answer route alone. The addresses live only in that store, for
 * one window, and are never written to the database or the log.
 *
 * The limit is generous on purpose: a whole conference hall answers from behind one Wi-Fi address within a few
 * minutes of the last slide, and must not be turned away; the limit only stops one machine from flooding an
 * evaluation with thousands of answers.
 */
export interface RateLimitSettings {
  windowMs: number;
  max: number;
}

export const DEFAULT_PUBLIC_ANSWER_LIMIT: RateLimitSettings = { windowMs: 5 * 60 * 1000, max: 400 };
