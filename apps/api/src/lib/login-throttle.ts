/**
 * Login throttling that stops password guessing without letting an attacker lock a colleague out.
 *
 * Only failures count: a correct password never uses up any budget, so an office behind one NAT address can sign
 * in as often as it likes. Three budgets, all in memory (one server process; a restart forgets them):
 *
 * - Per address (spraying one password over many accounts): `ipFailures` failed logins per `windowMs` from one
 *   address, then 429 until the window ends. A browser with a device cookie (below) is not held by it, so an
 *   attacker behind the same NAT cannot shut the office out either.
 * - Per account, from any address (guessing one account from many addresses): the first `accountFreeFailures`
 *   failures in a window cost nothing; after that each further attempt must wait a pause that doubles with every
 *   failure (`pauseBaseMs`, 2×, 4×, … at most `pauseCapMs`), answered 429 with Retry-After. Answers 429 do not
 *   count, so hammering does not lengthen the pause: the worst an attacker can do to the real user is make them
 *   wait at most `pauseCapMs` between tries from a new browser. Never a hard lockout. The failures are forgotten
 *   a window after the last one, so a steady attack gets one guess per `pauseCapMs` (288 a day) and no more.
 * - The device cookie: a correct login leaves a cookie (fou_device, signed for that account) in the browser.
 *   Attempts that bring it for the account skip the two budgets above and have their own: `deviceFailures`
 *   failures per window for that cookie. So the real user, on a browser they have signed in with before, is not
 *   slowed at all by an attack on their account; only a fresh browser (a new computer) can be delayed.
 *   Its key lives in the process: after a restart old cookies are simply not trusted until the next login.
 *
 * A success resets the account's and the device's failures (only someone who knows the password can do that),
 * never the address's (else one valid account would reset a spraying budget).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ThrottleSettings {
  windowMs: number;
  ipFailures: number;
  accountFreeFailures: number;
  pauseBaseMs: number;
  pauseCapMs: number;
  deviceFailures: number;
  /** Wrong current passwords per account in a window on POST /auth/password. */
  passwordChangeFailures: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  windowMs: 15 * 60 * 1000,
  ipFailures: 50,
  accountFreeFailures: 5,
  pauseBaseMs: 1000,
  pauseCapMs: 5 * 60 * 1000,
  deviceFailures: 10,
  passwordChangeFailures: 5,
};

/**
 * Failures of one key within a window. `from: 'first'` is a fixed window from the first failure; `from: 'last'`
 * forgets the failures only after a quiet window, so a steady attack never starts over with free attempts.
 */
class FailureCounter {
  private readonly entries = new Map<string, { count: number; first: number; last: number }>();
  constructor(private readonly windowMs: number, private readonly from: 'first' | 'last' = 'first') {}

  private expired(e: { first: number; last: number }, now: number): boolean {
    return now - (this.from === 'first' ? e.first : e.last) >= this.windowMs;
  }

  get(key: string, now: number): { count: number; first: number; last: number } | undefined {
    const e = this.entries.get(key);
    if (e && this.expired(e, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  add(key: string, now: number): number {
    const e = this.get(key, now);
    if (e) {
      e.count += 1;
      e.last = now;
      return e.count;
    }
    // Old entries are dropped now and then, so spraying from many addresses cannot grow the map without end.
    if (this.entries.size > 50_000) for (const [k, v] of this.entries) if (this.expired(v, now)) this.entries.delete(k);
    this.entries.set(key, { count: 1, first: now, last: now });
    return 1;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

/** Wait this long (ms) before trying again; 0 when allowed now. */
export interface Verdict { wait: number; reason?: 'ip' | 'account' | 'device' | 'password_change' }

export class LoginThrottle {
  readonly settings: ThrottleSettings;
  private readonly ip: FailureCounter;
  private readonly account: FailureCounter;
  private readonly device: FailureCounter;
  private readonly passwordChange: FailureCounter;
  private readonly key = randomBytes(32);

  constructor(settings: Partial<ThrottleSettings> = {}, private readonly now: () => number = Date.now) {
    this.settings = { ...DEFAULT_THROTTLE, ...settings };
    const w = this.settings.windowMs;
    this.ip = new FailureCounter(w);
    this.account = new FailureCounter(w, 'last');
    this.device = new FailureCounter(w);
    this.passwordChange = new FailureCounter(w);
  }

  /** A new device cookie for the account. */
  deviceToken(username: string): string {
    const nonce = randomBytes(16).toString('base64url');
    return `${nonce}.${this.mac(username, nonce)}`;
  }

  /** The cookie's nonce when it was made by this process for this account, else null. */
  trustedDevice(username: string, token: string | undefined): string | null {
    if (!token) return null;
    const [nonce, mac, ...rest] = token.split('.');
    if (!nonce || !mac || rest.length) return null;
    const want = Buffer.from(this.mac(username, nonce));
    const got = Buffer.from(mac);
    return want.length === got.length && timingSafeEqual(want, got) ? nonce : null;
  }

  private mac(username: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${username}\n${nonce}`).digest('base64url');
  }

  /** Before the password is checked: may this attempt go ahead? */
  check(ip: string, username: string, device: string | null): Verdict {
    const now = this.now();
    const s = this.settings;
    if (device) {
      const d = this.device.get(`${username}\n${device}`, now);
      return d && d.count >= s.deviceFailures ? { wait: d.first + s.windowMs - now, reason: 'device' } : { wait: 0 };
    }
    const i = this.ip.get(ip, now);
    if (i && i.count >= s.ipFailures) return { wait: i.first + s.windowMs - now, reason: 'ip' };
    const a = this.account.get(username, now);
    if (a && a.count >= s.accountFreeFailures) {
      const pause = Math.min(s.pauseBaseMs * 2 ** (a.count - s.accountFreeFailures), s.pauseCapMs);
      const wait = a.last + pause - now;
      if (wait > 0) return { wait, reason: 'account' };
    }
    return { wait: 0 };
  }

  failed(ip: string, username: string, device: string | null): void {
    const now = this.now();
    if (device) {
      this.device.add(`${username}\n${device}`, now);
      return;
    }
    this.ip.add(ip, now);
    this.account.add(username, now);
  }

  succeeded(username: string, device: string | null): void {
    this.account.reset(username);
    if (device) this.device.reset(`${username}\n${device}`);
  }

  /** POST /auth/password: wrong current passwords of one account. */
  checkPasswordChange(userId: number): Verdict {
    const now = this.now();
    const e = this.passwordChange.get(String(userId), now);
    return e && e.count >= this.settings.passwordChangeFailures ? { wait: e.first + this.settings.windowMs - now, reason: 'password_change' } : { wait: 0 };
  }

  passwordChangeFailed(userId: number): void {
    this.passwordChange.add(String(userId), this.now());
  }
}
