/**
 * Lighthouse's part of `pnpm bench`, and on its own `pnpm bench:lighthouse`: the bundled server (what `pnpm start`
 * runs) on a fresh demo database, the web app built from the source as it stands, and Lighthouse 12 with the
 * system Chromium on each page with the desktop and the mobile preset (mobile: a mid-range phone on a slow 4G
 * line, simulated). Signed in as the demo FoU chief: the sign-in's cookies are put in the browser's own cookie jar
 * before each run, as a browser that signed in has them (the page's boot script reads the signed-in marker); the
 * login page is measured signed out, since a signed-in visitor is sent on from it.
 * Targets: performance ≥ 98 on desktop and ≥ 95 on mobile, accessibility 100 and best practices 100 on both.
 * Each page and preset is run LIGHTHOUSE_RUNS times (5 unless told) and the median run is the one scored, as
 * Lighthouse's own variability guide advises (its computeMedianRun: the run nearest the median FCP and TTI); the
 * table also gives the lowest and highest performance score of the runs, so the spread is in view.
 * Prints a table and writes bench-results/lighthouse-<time>.json (scores, the metrics behind performance, and
 * every audit that did not pass). Not part of `pnpm test`: the scores move with the machine's load.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { repoRoot } from '../src/config.ts';
import { freePort } from '../test/helpers/server-process.ts';
import { buildWeb, type Verdict } from './spa-cost.ts';

const CHROMIUM = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// As in TOOLCHAIN.md: without the background-networking flags Chromium keeps knocking on the closed network.
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sv-SE'];
const PAGES: { path: string; signedIn: boolean }[] = [
  { path: '/logga-in', signedIn: false },
  { path: '/', signedIn: true },
  { path: '/aktiviteter', signedIn: true },
  { path: '/oversikt', signedIn: true },
  { path: '/plan', signedIn: true },
];
const PRESETS = ['desktop', 'mobile'] as const;
type Preset = (typeof PRESETS)[number];
const PERF_TARGET: Record<Preset, number> = { desktop: 98, mobile: 95 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const DEMO_CHIEF = { username: 'chef', password: 'demo-chef-2018' };
// Lighthouse's variability guide: the median of five runs roughly halves the spread of a single run.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 5);

export interface PageScore {
  page: string;
  preset: Preset;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** The metrics behind the performance score, as Lighthouse measured or simulated them. */
  metrics: { fcpMs?: number; lcpMs?: number; tbtMs?: number; cls?: number; speedIndexMs?: number; transferBytes?: number; scriptBytes?: number };
  /** The lowest and highest performance score of the runs (the scored run is their median). */
  performanceRange?: [number, number];
  runs?: number;
  /** Audits of the three categories scored below 1: what to look at first. */
  failing: { id: string; title: string; score: number | null; displayValue?: string }[];
  pass: boolean;
  error?: string;
  lighthouseVersion?: string;
}

function passes(s: Pick<PageScore, 'preset' | 'performance' | 'accessibility' | 'bestPractices'>): boolean {
  return (s.performance ?? 0) >= PERF_TARGET[s.preset] && s.accessibility === 100 && s.bestPractices === 100;
}

/** The bundled API on a new demo database in a temp folder, serving the built SPA. */
async function startDemoServer(log: (line: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-lighthouse-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, [path.join(repoRoot, 'apps/api/dist/server.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'fou.sqlite'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', FOU_DEMO: '1', WEB_DIST: path.join(repoRoot, 'apps/web/dist') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`servern avslutades med kod ${proc.exitCode} innan den lyssnade`);
    try {
      await fetch(`${url}/api/v1/auth/me`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error('servern svarade inte inom 60 s');
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_CHIEF) });
  if (!res.ok) {
    await stop();
    throw new Error(`inloggningen som demochefen misslyckades: ${res.status} ${await res.text()}`);
  }
  const cookie = res.headers.getSetCookie().map((c) => parseSetCookie(c, url));
  log(`  Lighthouse: demoservern på ${url}, inloggad som ${DEMO_CHIEF.username}`);
  return { url, cookie, stop };
}

type Cookie = { name: string; value: string; url: string; path: string; httpOnly: boolean; sameSite?: 'Strict' | 'Lax' };

/** A Set-Cookie header as the browser would store it for the server's address. */
function parseSetCookie(header: string, url: string): Cookie {
  const [pair = '', ...attrs] = header.split(';').map((p) => p.trim());
  const eq = pair.indexOf('=');
  const attr = (name: string) => attrs.find((a) => a.toLowerCase().startsWith(name))?.split('=')[1];
  const sameSite = attr('samesite')?.toLowerCase();
  return {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    url,
    path: attr('path') ?? '/',
    httpOnly: attrs.some((a) => a.toLowerCase() === 'httponly'),
    ...(sameSite === 'strict' ? { sameSite: 'Strict' as const } : sameSite === 'lax' ? { sameSite: 'Lax' as const } : {}),
  };
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

async function audit(url: string, preset: Preset, cookies: Cookie[] | null): Promise<Lhr> {
  // A new browser for every run: nothing cached or warmed up from the one before.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    if (cookies) {
      // In the jar, not as a header on every request: the page sees them as it would after signing in (document.cookie
      // has the marker). Lighthouse's storage reset leaves cookies alone.
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      const cdp = await browser.target().createCDPSession();
      await cdp.send('Storage.setCookies', { cookies });
      await browser.disconnect();
    }
    const flags = {
      port: chrome.port,
      output: 'json' as const,
      logLevel: 'error' as const,
      onlyCategories: [...CATEGORIES],
    };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse gav inget resultat');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    if (process.env.LIGHTHOUSE_LHR_DIR) {
      // The whole report, for reading the audits behind a score (bootup-time, critical-request-chains …).
      fs.mkdirSync(process.env.LIGHTHOUSE_LHR_DIR, { recursive: true });
      const name = `${new URL(url).pathname.replace(/\W+/g, '_') || '_'}-${preset}-${Date.now()}.json`;
      fs.writeFileSync(path.join(process.env.LIGHTHOUSE_LHR_DIR, name), JSON.stringify(lhr));
    }
    return lhr;
  } finally {
    await chrome.kill();
  }
}

const scoreOf = (lhr: Lhr, id: string) => {
  const s = lhr.categories[id]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
};

/** The scored run's figures: its scores, the metrics behind performance and the audits that did not pass. */
function summarise(lhr: Lhr): Omit<PageScore, 'page' | 'preset' | 'pass'> {
  const score = (id: string) => scoreOf(lhr, id);
  const value = (id: string) => lhr.audits[id]?.numericValue;
  // JavaScript on the wire, from Lighthouse's own resource summary.
  const summary = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const scriptBytes = summary.find((i) => i.resourceType === 'script')?.transferSize;
  const auditIds = new Set(CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 || c !== 'performance').map((r) => r.id)));
  const failing = [...auditIds]
    .map((id) => lhr.audits[id]!)
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
    .map((a) => ({ id: a.id, title: a.title, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}) }));
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    metrics: {
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      speedIndexMs: value('speed-index'),
      transferBytes: value('total-byte-weight'),
      ...(scriptBytes === undefined ? {} : { scriptBytes }),
    },
    failing,
  };
}

/** Lighthouse now and then fails to record a trace on a loaded machine (NO_NAVSTART …): one more try then. */
async function auditWithRetry(url: string, preset: Preset, cookie: Cookie[] | null, log: (line: string) => void): Promise<Lhr> {
  try {
    return await audit(url, preset, cookie);
  } catch (err) {
    log(`  Lighthouse ${new URL(url).pathname} ${preset}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}; försöker en gång till`);
    return audit(url, preset, cookie);
  }
}

export interface LighthouseOptions {
  log: (line: string) => void;
  /** Build the web app and the API bundle first (a caller that just did can skip it). */
  build?: boolean;
}

export async function measureLighthouse({ log, build = true }: LighthouseOptions): Promise<{ results: Record<string, unknown>; verdicts: Verdict[]; scores: PageScore[] }> {
  const target = (s: { page: string; preset: Preset }) => `Lighthouse ${s.page} ${s.preset}: prestanda ≥ ${PERF_TARGET[s.preset]}, a11y och bästa praxis 100`;
  const skipAll = (why: string) => ({
    results: { skipped: why },
    verdicts: PAGES.flatMap((p) => PRESETS.map((preset) => ({ target: target({ page: p.path, preset }), measured: `hoppad: ${why}`, pass: null }))),
    scores: [],
  });
  if (!fs.existsSync(CHROMIUM)) {
    log(`  Lighthouse: ${CHROMIUM} saknas (apt-get install chromium) — hoppas över.`);
    return skipAll('ingen Chromium');
  }
  if (build) {
    if (!buildWeb(log)) return skipAll('bygget misslyckades');
    execFileSync(process.execPath, [path.join(repoRoot, 'apps/api/scripts/build.mjs')], { stdio: 'inherit' });
  }
  const server = await startDemoServer(log);
  const scores: PageScore[] = [];
  try {
    // LIGHTHOUSE_PAGES=/oversikt,/plan and LIGHTHOUSE_PRESETS=mobile narrow a run while working on one page.
    const onlyPages = process.env.LIGHTHOUSE_PAGES?.split(',');
    const onlyPresets = process.env.LIGHTHOUSE_PRESETS?.split(',');
    for (const page of PAGES.filter((p) => !onlyPages || onlyPages.includes(p.path))) {
      for (const preset of PRESETS.filter((p) => !onlyPresets || onlyPresets.includes(p))) {
        const started = Date.now();
        try {
          const lhrs: Lhr[] = [];
          for (let run = 0; run < RUNS; run++) lhrs.push(await auditWithRetry(server.url + page.path, preset, page.signedIn ? server.cookie : null, log));
          const perf = lhrs.map((l) => scoreOf(l, 'performance') ?? 0);
          const s: PageScore = {
            page: page.path, preset, ...summarise(computeMedianRun(lhrs)), performanceRange: [Math.min(...perf), Math.max(...perf)], runs: RUNS, pass: false,
          };
          s.pass = passes(s);
          scores.push(s);
          log(`  Lighthouse ${page.path} ${preset}: ${s.performance} / ${s.accessibility} / ${s.bestPractices}, median of ${RUNS} (performance ${perf.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
        } catch (err) {
          const why = err instanceof Error ? err.message.split('\n')[0]! : String(err);
          log(`  Lighthouse ${page.path} ${preset}: misslyckades: ${why}`);
          scores.push({ page: page.path, preset, performance: null, accessibility: null, bestPractices: null, metrics: {}, failing: [], pass: false, error: why });
        }
      }
    }
  } finally {
    await server.stop();
  }
  const verdicts: Verdict[] = scores.map((s) => ({
    target: target(s),
    measured: s.error ? 'fel (se ovan)' : `${s.performance} / ${s.accessibility} / ${s.bestPractices}`,
    pass: s.pass,
  }));
  return { results: { chromium: CHROMIUM, pages: scores }, verdicts, scores };
}

const fmt = (n: number | undefined, unit: 'ms' | 's' | '' | 'KB') => {
  if (n === undefined) return '–';
  if (unit === 's') return `${(n / 1000).toFixed(1)} s`;
  if (unit === 'KB') return `${(n / 1024).toFixed(0)} KB`;
  if (unit === 'ms') return `${Math.round(n)} ms`;
  return n.toFixed(3);
};

/** The table `pnpm bench:lighthouse` prints: one row per page and preset. */
export function lighthouseTable(scores: PageScore[]): string[] {
  const mark = (v: number | null, min: number) => (v === null ? '–' : `${v} ${v >= min ? 'PASS' : 'FAIL'}`);
  const rows = [['sida', 'läge', 'prestanda', 'körningar', 'tillgänglighet', 'bästa praxis', 'CLS', 'FCP', 'LCP', 'TBT', 'JS', 'överfört']];
  for (const s of scores) {
    rows.push([
      s.page, s.preset, mark(s.performance, PERF_TARGET[s.preset]), s.performanceRange ? `${s.runs}: ${s.performanceRange[0]}–${s.performanceRange[1]}` : '–', mark(s.accessibility, 100), mark(s.bestPractices, 100),
      fmt(s.metrics.cls, ''), fmt(s.metrics.fcpMs, 's'), fmt(s.metrics.lcpMs, 's'), fmt(s.metrics.tbtMs, 'ms'), fmt(s.metrics.scriptBytes, 'KB'), fmt(s.metrics.transferBytes, 'KB'),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd());
}

// `pnpm bench:lighthouse`: this part alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const { scores } = await measureLighthouse({ log });
  log(`\nLighthouse ${scores.find((x) => x.lighthouseVersion)?.lighthouseVersion ?? ''}, ${CHROMIUM}, ${os.cpus().length} kärnor`);
  for (const line of lighthouseTable(scores)) log(line);
  for (const s of scores.filter((x) => !x.pass && x.failing.length)) {
    log(`  ${s.page} ${s.preset}: ${s.failing.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`).join(', ')}`);
  }
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, `${JSON.stringify({ startedAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, pages: scores }, null, 2)}\n`);
  log(`\nResultat: ${out}`);
  // Like `pnpm bench`, the table's FAIL rows are the verdict; the command itself succeeded.
  process.exit(0);
}
