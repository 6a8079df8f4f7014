/**
 * The SPA's part of `pnpm bench`: what the browser must download before the first page, and how long the
 * overview takes from navigation to drawn charts in headless Chromium against the real server on the bench's
 * database.
 *
 *   initial JS   bytes on the wire of the entry script and its modulepreloads in apps/web/dist/index.html (what
 *                every first visit downloads before anything shows), as the browser received them (Resource
 *                Timing's encodedBodySize on the first cold visit: brotli, as the server sends it to Chromium);
 *                CSS, the overview's own chunks, the API answers and the whole transfer reported beside it
 *   time to      performance.now() in the page (0 = navigation start) at the first animation frame in which <main>
 *   charts       has no loading status left and every chart canvas carries data-drawn, which
 *                apps/web/src/components/ChartCanvas.tsx sets from Chart.js's afterRender (animation is off under
 *                automation, so that is the finished drawing). Signed in as the bench's chief (its session cookie
 *                in the browser), 1280×900, localhost without throttling. One warm-up navigation, then the
 *                median of `runs`:
 *                  cold  a fresh browser context each time: empty HTTP cache, as on a first visit
 *                  warm  new tabs in one context that has seen the page: the returning user, whose browser
 *                        revalidates the assets (the server sends max-age=0 with ETags) and reuses its code cache
 * The web app is built first, so the figures are of the source as it stands, not of a stale dist.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { repoRoot } from '../src/config.ts';
import { startServer, type ServerProcess } from '../test/helpers/server-process.ts';

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean | null;
}

export interface SpaCostOptions {
  /** The bench's SQLite file, with its signed-in chief (the server helper makes or reuses that account). */
  databasePath: string;
  /** The year whose overview is opened; one the bench filled with activities. */
  year: number;
  runs: number;
  log: (line: string) => void;
}

const INITIAL_JS_LIMIT = 200 * 1024;
const TARGET_JS = 'SPA:ns initiala JS ≤ 200 KB överfört';
const TARGET_COLD = 'SPA: översikten till ritade diagram i första skärmen, kall cache ≤ 1 s';
const TARGET_WARM = 'SPA: översikten till ritade diagram i första skärmen, varm cache ≤ 1 s';
const TIME_LIMIT_MS = 1000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// As in TOOLCHAIN.md: without the background-networking flags Chromium keeps knocking on the closed network.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sv-SE'];
/** Four report queries: the annual report's tables (one chart each, at least one), goal × area, reach, trend. */
const MIN_CHARTS = 4;

const webDir = path.join(repoRoot, 'apps/web');
const dist = path.join(webDir, 'dist');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;

/**
 * Runs in every document before the app's own scripts: watches each animation frame until the overview is
 * complete and keeps the time, so the figure does not depend on how often Playwright polls.
 */
const CHARTS_DRAWN_PROBE = `(() => {
  const check = () => {
    const main = document.querySelector('main');
    if (main) {
      const alert = main.querySelector('[role=alert]');
      if (alert) { window.__fouCharts = { error: alert.textContent }; return; }
      // A chart is drawn when it comes near the view (components/Chart.tsx): the page is ready for its reader when
      // every chart in the first screen is drawn, and the page has all of its charts' places (with their tables).
      const boxes = [...main.querySelectorAll('.chart__canvas')];
      const inView = boxes.filter((b) => b.getBoundingClientRect().top < innerHeight);
      const canvases = inView.map((b) => b.querySelector('canvas'));
      if (!main.querySelector('[role=status]') && boxes.length >= ${MIN_CHARTS} && inView.length > 0 && canvases.every((c) => c && c.dataset.drawn)) {
        const resources = performance.getEntriesByType('resource');
        const done = (re) => Math.max(0, ...resources.filter((r) => re.test(new URL(r.name).pathname)).map((r) => r.responseEnd));
        // What came over the wire (encodedBodySize: the body as sent, compressed or not; transferSize adds the
        // headers), the document included.
        const bytes = (r, path) => ({ path, encoded: r.encodedBodySize, decoded: r.decodedBodySize, transfer: r.transferSize });
        const nav = performance.getEntriesByType('navigation')[0];
        window.__fouCharts = {
          transfers: [...(nav ? [bytes(nav, '(dokument)')] : []), ...resources.map((r) => bytes(r, new URL(r.name).pathname))],
          ms: performance.now(),
          charts: canvases.length,
          scripts: resources.filter((r) => r.name.endsWith('.js')).map((r) => new URL(r.name).pathname),
          jsDoneMs: done(/\\.js$/),
          apiDoneMs: done(/^\\/api\\//),
        };
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface Transfer {
  path: string;
  encoded: number;
  decoded: number;
  transfer: number;
}

interface Probe {
  ms: number;
  transfers: Transfer[];
  charts: number;
  scripts: string[];
  jsDoneMs: number;
  apiDoneMs: number;
}

/** Builds the web app so the bench measures the source as it stands; false (and the reason logged) on failure. */
export function buildWeb(log: SpaCostOptions['log']): boolean {
  try {
    const vite = path.join(path.dirname(createRequire(path.join(webDir, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, encoding: 'utf8' });
    if (r.status === 0) return true;
    log(`  SPA: bygget misslyckades (${r.error?.message ?? `kod ${r.status}`}):\n${r.stderr}`);
  } catch (err) {
    log(`  SPA: vite hittades inte (${String(err)})`);
  }
  return false;
}

/** The entry script and what index.html preloads with it: every first visit downloads these before any page. */
function initialAssets() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!.replace(/^\//, ''));
  const js = [...attr(/<script[^>]+src="([^"]+\.js)"/g), ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)];
  const css = attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g);
  return { js, css };
}

async function timeOverview(context: BrowserContext, url: string): Promise<Probe> {
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    // 'commit': the probe in the page keeps the time, so nothing here may wait for events that come later.
    await page.goto(url, { waitUntil: 'commit' });
    // A function, not a string: the app's CSP forbids eval, and Playwright would eval a string.
    const handle = await page.waitForFunction(() => (globalThis as { __fouCharts?: unknown }).__fouCharts, undefined, { timeout: 120_000 });
    const probe = (await handle.jsonValue()) as Probe | { error: string };
    if (errors.length) throw errors[0]!;
    if ('error' in probe) throw new Error(`översikten visade ett fel: ${probe.error}`);
    return probe;
  } finally {
    await page.close();
  }
}

export async function measureSpaCost({ databasePath, year, runs, log }: SpaCostOptions): Promise<{ results: Record<string, unknown>; verdicts: Verdict[] }> {
  if (!buildWeb(log)) {
    const skip = (target: string): Verdict => ({ target, measured: 'hoppad: bygget misslyckades', pass: null });
    return { results: { skipped: 'build failed' }, verdicts: [skip(TARGET_JS), skip(TARGET_COLD), skip(TARGET_WARM)] };
  }

  const initial = initialAssets();
  const verdicts: Verdict[] = [];
  const results: Record<string, unknown> = { initialJs: initial.js, initialCss: initial.css };
  if (!fs.existsSync(CHROMIUM)) {
    log(`  SPA: ${CHROMIUM} saknas (apt-get install chromium) — överförda byte och tid till diagram hoppas över.`);
    for (const target of [TARGET_JS, TARGET_COLD, TARGET_WARM]) verdicts.push({ target, measured: 'hoppad: ingen Chromium', pass: null });
    return { results, verdicts };
  }

  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(databasePath, { built: true, webDist: dist });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const url = `${server.url}/oversikt?year=${year}`;
    // The helper's chief session, handed to the browser as the cookie a sign-in would have set.
    const origin = server.url;
    const cookies = server.headers.cookie!.split('; ').map((pair) => {
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: origin };
    });
    const newContext = async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      await context.addCookies(cookies);
      await context.addInitScript({ content: CHARTS_DRAWN_PROBE });
      return context;
    };
    const cold = async () => {
      const context = await newContext();
      try {
        return await timeOverview(context, url);
      } finally {
        await context.close();
      }
    };

    // Warm-up: the server's statement and page caches, Chromium's first renderer; not counted.
    const first = await cold();
    const coldRuns: Probe[] = [];
    for (let i = 0; i < runs; i++) coldRuns.push(await cold());
    const returning = await newContext();
    const warmRuns: Probe[] = [];
    try {
      await timeOverview(returning, url);
      for (let i = 0; i < runs; i++) warmRuns.push(await timeOverview(returning, url));
    } finally {
      await returning.close();
    }

    // What the first cold visit received: the initial files, everything the overview needed in JS (whichever
    // chunks it came in), the API answers, and all of it with headers.
    const overviewJs = first.scripts.map((s) => s.replace(/^\//, '')).filter((f) => fs.existsSync(path.join(dist, f)));
    const of = (pick: (t: Transfer) => boolean) => {
      const picked = first.transfers.filter(pick);
      return { files: picked.length, encoded: picked.reduce((n, t) => n + t.encoded, 0), decoded: picked.reduce((n, t) => n + t.decoded, 0), transfer: picked.reduce((n, t) => n + t.transfer, 0) };
    };
    const wire = {
      initialJs: of((t) => initial.js.includes(t.path.replace(/^\//, ''))),
      initialCss: of((t) => initial.css.includes(t.path.replace(/^\//, ''))),
      overviewJs: of((t) => t.path.endsWith('.js')),
      api: of((t) => t.path.startsWith('/api/')),
      document: of((t) => t.path === '(dokument)'),
      all: of(() => true),
    };
    const initialJsWire = wire.initialJs.encoded;
    verdicts.push({ target: TARGET_JS, measured: `${kb(initialJsWire)} (av ${kb(wire.initialJs.decoded)}; + CSS ${kb(wire.initialCss.encoded)})`, pass: initialJsWire <= INITIAL_JS_LIMIT });
    log(`  SPA: första kalla besöket tog emot ${kb(wire.all.transfer)} med huvuden (${wire.all.files} svar): dokumentet ${kb(wire.document.encoded)}, JS ${kb(wire.overviewJs.encoded)} av ${kb(wire.overviewJs.decoded)}, API ${kb(wire.api.encoded)} av ${kb(wire.api.decoded)}`);
    const summary = (probes: Probe[]) => ({
      medianMs: Math.round(median(probes.map((p) => p.ms))),
      runsMs: probes.map((p) => Math.round(p.ms)),
      jsDoneMedianMs: Math.round(median(probes.map((p) => p.jsDoneMs))),
      apiDoneMedianMs: Math.round(median(probes.map((p) => p.apiDoneMs))),
    });
    const coldSummary = summary(coldRuns);
    const warmSummary = summary(warmRuns);
    Object.assign(results, {
      timeToCharts: { url: `/oversikt?year=${year}`, charts: first.charts, viewport: '1280×900', cold: coldSummary, warm: warmSummary },
      overviewJs,
      bytesOnTheWire: wire,
      transfers: first.transfers,
    });
    log(`  SPA: översikten ${year} (${first.charts} diagram) laddar ${overviewJs.length} JS-filer, ${kb(wire.overviewJs.encoded)} överförda`);
    for (const [name, s] of [['kall', coldSummary], ['varm', warmSummary]] as const) {
      log(`  SPA: ${name} cache: diagram ${s.runsMs.join(', ')} ms; median JS klart ${s.jsDoneMedianMs} ms, API-svar klara ${s.apiDoneMedianMs} ms`);
    }
    const measured = (s: typeof coldSummary) => `${s.medianMs} ms`;
    verdicts.push(
      { target: TARGET_COLD, measured: measured(coldSummary), pass: coldSummary.medianMs <= TIME_LIMIT_MS },
      { target: TARGET_WARM, measured: measured(warmSummary), pass: warmSummary.medianMs <= TIME_LIMIT_MS },
    );
  } catch (err) {
    // The API figures before this are worth keeping: a page that never draws is a FAIL row, not a crashed bench.
    const why = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    log(`  SPA: mätningen av översikten misslyckades: ${why}`);
    results.timeToChartsError = why;
    if (!verdicts.some((v) => v.target === TARGET_JS)) verdicts.push({ target: TARGET_JS, measured: 'fel (se ovan)', pass: false });
    verdicts.push({ target: TARGET_COLD, measured: 'fel (se ovan)', pass: false }, { target: TARGET_WARM, measured: 'fel (se ovan)', pass: false });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  return { results, verdicts };
}
