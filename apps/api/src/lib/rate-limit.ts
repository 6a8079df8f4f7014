/**
 * A fixed-window request limit per client address, in memory (one server process; a restart forgets it), for the
 * public answer page: the product's first write without a login. The addresses live only here, for one window,
 * and are never written to the database or the log.
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

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  readonly settings: RateLimitSettings;

  constructor(settings: Partial<RateLimitSettings> = {}) {
    this.settings = { ...DEFAULT_PUBLIC_ANSWER_LIMIT, ...settings };
  }

  /** Counts one request from `key`; null when it may go on, else the seconds until the window ends. */
  hit(key: string, now = Date.now()): number | null {
    const { windowMs, max } = this.settings;
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      // Forget ended windows now and then, so the map cannot grow without bound.
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (now - v.start >= windowMs) this.windows.delete(k);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= max) return null;
    return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
  }
}
