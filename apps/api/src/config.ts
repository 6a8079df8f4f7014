/**
 * The one place the API reads its environment. Everything else takes a Config, so tests build the app
 * with their own (a temp database, no demo) without touching process.env.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The nearest folder at or above `from` that holds `marker`. */
function findUp(marker: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, marker))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`${marker} finns inte ovanför ${from}`);
  }
}

/**
 * The repository root: paths in the config are relative to it, whichever package's folder pnpm runs in. Found by
 * looking upward, since this module runs both from src/ (tsx) and bundled into dist/ (`pnpm start`).
 */
export const repoRoot = findUp('pnpm-workspace.yaml', path.dirname(fileURLToPath(import.meta.url)));
/** The API package's folder (its migrations live in drizzle/ there). */
export const apiRoot = path.join(repoRoot, 'apps', 'api');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/fou.sqlite'),
  WEB_DIST: z.string().min(1).default('apps/web/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: readable lines at a terminal, JSON lines elsewhere.
  LOG_FORMAT: z.enum(['pretty', 'json', '']).default(''),
  FOU_DEMO: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('')
    .transform((v) => v === '1' || v === 'true'),
  TRUST_PROXY: z.string().default('').transform((v, ctx) => {
    const parsed = parseTrustProxy(v);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: 'ange antalet proxyer framför servern (t.ex. 1) eller deras adresser och nät (t.ex. 127.0.0.1,10.0.0.0/8); 0 eller tomt om ingen' });
      return z.NEVER;
    }
    return parsed;
  }),
  FOU_ADMIN_PASSWORD: z.string().min(12, 'minst 12 tecken').optional(),
  FOU_INSTALL_ADMIN_PASSWORD: z.string().min(12, 'minst 12 tecken').optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the SQLite file, or ':memory:'. */
  databasePath: string;
  /** Absolute path of the built SPA; served when it exists. */
  webDist: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** One readable line per log entry (pino-pretty) instead of JSON lines: for a person at a terminal. */
  prettyLogs?: boolean;
  /** Load the demo years and one account per role with known passwords. */
  demo: boolean;
  /**
   * Which proxies in front of the server to believe about X-Forwarded-For/-Proto (see parseTrustProxy): false for
   * none, a hop count, or the proxies' addresses and networks. Never "every hop": a client could then name any
   * address it likes in X-Forwarded-For and escape the per-address login limits.
   */
  trustProxy?: TrustProxy;
  /** Where the log goes (stdout when unset); tests read it. */
  logStream?: NodeJS.WritableStream;
  /** Login throttling's numbers; tests shorten the times (lib/login-throttle.ts has the defaults). */
  loginThrottle?: Partial<import('./lib/login-throttle.ts').ThrottleSettings>;
  /** The public answer page's limit per client address (lib/rate-limit.ts); tests lower it. */
  publicAnswerLimit?: Partial<import('./lib/rate-limit.ts').RateLimitSettings>;
  /** The first admin's one-time password; a random one is logged when unset. */
  adminPassword?: string;
  /** The install administrator's (account `installation`) one-time password; a random one is logged when unset. */
  installAdminPassword?: string;
}

export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted beside addresses and CIDR networks. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: empty, 0 or false trusts no proxy (the socket's address is the client's). A whole number N trusts
 * N proxies: the client is the address the Nth proxy from the server saw, whatever the client wrote further left
 * in X-Forwarded-For. A comma list of addresses and networks (127.0.0.1,10.0.0.0/8, ::1, loopback) trusts just
 * those as proxies. `true`, once "trust every hop", now means 1: one proxy in front, the usual set-up, and never
 * a header the client wrote itself. Returns null for anything else.
 */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v) <= 20 ? Number(v) : null;
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const valid = (e: string) => {
    if (PROXY_RANGE_NAMES.has(e)) return true;
    const [addr, bits, ...rest] = e.split('/');
    const family = net.isIP(addr ?? '');
    if (!family || rest.length) return false;
    if (bits === undefined) return true;
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  };
  return entries.length && entries.every(valid) ? entries : null;
}

/** A reason the server cannot start that the person starting it can fix: printed as one line, exit code 1. */
export class StartupError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2), stdoutIsTty = Boolean(process.stdout.isTTY)): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new StartupError(`miljövariablerna stämmer inte: ${lines.join('; ')}.`);
  }
  const e = parsed.data;
  const abs = (p: string) => (p === ':memory:' || path.isAbsolute(p) ? p : path.resolve(repoRoot, p));
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: abs(e.DATABASE_PATH),
    webDist: abs(e.WEB_DIST),
    logLevel: e.LOG_LEVEL,
    prettyLogs: e.LOG_FORMAT === 'pretty' || (e.LOG_FORMAT === '' && stdoutIsTty),
    demo: e.FOU_DEMO || argv.includes('--demo'),
    trustProxy: e.TRUST_PROXY,
    ...(e.FOU_ADMIN_PASSWORD ? { adminPassword: e.FOU_ADMIN_PASSWORD } : {}),
    ...(e.FOU_INSTALL_ADMIN_PASSWORD ? { installAdminPassword: e.FOU_INSTALL_ADMIN_PASSWORD } : {}),
  };
}

/**
 * The folder the user ran `pnpm …` from (pnpm runs package scripts in the package's folder and passes the
 * original one as INIT_CWD), so command-line paths mean what the user meant.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}
