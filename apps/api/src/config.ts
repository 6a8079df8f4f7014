/**
 * The one place the API reads its environment. Everything else takes a Config, so tests build the app
 * with their own (a temp database, no demo) without touching process.env.
 */
import fs from 'node:fs';
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
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('')
    .transform((v) => v === '1' || v === 'true'),
  FOU_ADMIN_PASSWORD: z.string().min(12, 'minst 12 tecken').optional(),
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
  /** Behind a TLS-terminating proxy: believe X-Forwarded-* (session cookies become Secure over https). */
  trustProxy?: boolean;
  /** The first admin's one-time password; a random one is logged when unset. */
  adminPassword?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2), stdoutIsTty = Boolean(process.stdout.isTTY)): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
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
  };
}

/**
 * The folder the user ran `pnpm …` from (pnpm runs package scripts in the package's folder and passes the
 * original one as INIT_CWD), so command-line paths mean what the user meant.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}
