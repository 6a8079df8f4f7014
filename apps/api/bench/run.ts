/**
 * `pnpm bench [--n 1000000] [--seconds 10]`: fills a temp SQLite file with N activities spread like the real
 * unit's (eight municipalities, 2017–2026, every goal of the frameworks valid on each date, all areas and
 * types), runs the real server on it and measures the API against floors in the same conditions:
 *   reports      API round trip vs the same GROUP BY straight through better-sqlite3 (median of runs)
 *   list         page 1 vs page 1,000 following nextCursor (keyset pagination must not slow down)
 *   writes       POST /activities throughput (autocannon, 10 connections) vs a bare Fastify insert route on the
 *                same file, taking turns after a warm-up (median of three rounds each)
 *   answers      200 public evaluation answers posted at once: none lost, p99 vs a bare insert route (evaluation-burst.ts)
 *   memory       peak RSS of the API process
 *   SPA          initial JS on the wire and the overview's time to drawn charts in Chromium (bench/spa-cost.ts)
 *   Lighthouse   performance, accessibility and best practices of five pages, desktop and mobile, on a demo
 *                database (bench/lighthouse.ts; alone: `pnpm bench:lighthouse`; `--no-lighthouse` leaves it out)
 * API answers are asked for as a browser asks (Accept-Encoding: gzip, deflate, br) and their bytes on the wire are
 * reported beside their times.
 * Prints a table with PASS/FAIL per target and writes bench-results/<time>.json. Not part of `pnpm test`.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { repoRoot } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/seed/reference-seed.ts';
import { generateYear, insertActivities, prepareDemoRefs, quotas } from '../src/seed/demo-data.ts';
import { createRng } from '../src/seed/random.ts';
import { freePort, startServer, type ServerProcess } from '../test/helpers/server-process.ts';
import { measureSpaCost } from './spa-cost.ts';
import { lighthouseTable, measureLighthouse } from './lighthouse.ts';
import { measureEvaluationBurst } from './evaluation-burst.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('n', 1_000_000);
const SECONDS = arg('seconds', 10);
const RUNS = arg('runs', 7);
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

// ---- data -------------------------------------------------------------------------------------------------
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-bench-'));
const file = path.join(dir, 'fou.sqlite');
log(`Genererar ${N.toLocaleString('sv')} aktiviteter i ${file} …`);
const t0 = process.hrtime.bigint();
{
  const db = openDatabase(file);
  const unitId = await seedReferenceData(db);
  const refs = prepareDemoRefs(db, unitId);
  const rng = createRng(20260101);
  const perYear = quotas(N, YEARS.map((y) => (y === 2017 ? 0.4 : 1)));
  for (const [i, year] of YEARS.entries()) {
    // Uneven goal and area weights, as in the real reports; generateYear picks the framework valid on each date.
    const goalCounts = quotas(perYear[i]!, [32, 27, 33, 9].map((w) => w + rng.int(-4, 4)));
    const areaCounts = quotas(perYear[i]!, [40, 34, 9, 10, 7].map((w) => w + rng.int(-3, 3)));
    for (let done = 0; done < perYear[i]!; ) {
      // Chunks keep memory flat; each chunk is a slice of the year's quotas.
      const chunk = Math.min(50_000, perYear[i]! - done);
      const share = (counts: number[]) => quotas(chunk, counts);
      insertActivities(db, unitId, generateYear(rng, refs, year, share(goalCounts), share(areaCounts)));
      done += chunk;
    }
  }
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}
log(`  klart på ${(ms(t0) / 1000).toFixed(1)} s, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);

const results: Record<string, unknown> = { n: N, node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, startedAt: new Date().toISOString() };
const verdicts: { target: string; measured: string; pass: boolean | null }[] = [];

// ---- API process ------------------------------------------------------------------------------------------
// The process `pnpm start` runs: the API bundled to plain JavaScript.
execFileSync(process.execPath, [path.join(repoRoot, 'apps/api/scripts/build.mjs')], { stdio: 'inherit' });
const server: ServerProcess = await startServer(file, { built: true });
// An error mid-run must not leave the API process (and the temp file) behind.
process.once('uncaughtException', (err) => { server.proc.kill('SIGKILL'); console.error(err); process.exit(1); });
process.once('unhandledRejection', (err) => { server.proc.kill('SIGKILL'); console.error(err); process.exit(1); });
const floorDb = new Database(file, { readonly: true });
floorDb.pragma('busy_timeout = 5000');
const peakRss = () => {
  const status = fs.readFileSync(`/proc/${server.proc.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
};

// Timed requests go over one kept-alive connection, as a browser's do, and accept what Chromium accepts, so the
// time includes compressing the answer and the bytes are those a browser would get. (Node 20's fetch spends about
// a millisecond of its own on every call, which would be counted against the API.)
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';
const decode: Record<string, (b: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync, deflate: zlib.inflateSync };
function timeGet(url: string): Promise<{ ms: number; status: number; body: unknown; wireBytes: number; bytes: number; encoding: string }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http.get(server.url + url, { agent, headers: { ...server.headers, 'accept-encoding': BROWSER_ACCEPT_ENCODING } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const elapsed = ms(start);
        const wire = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] ?? 'identity';
        const body = decode[encoding]?.(wire) ?? wire;
        resolve({ ms: elapsed, status: res.statusCode ?? 0, body: JSON.parse(body.toString('utf8')) as unknown, wireBytes: wire.length, bytes: body.length, encoding });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}
const size = (r: { wireBytes: number; bytes: number; encoding: string }) =>
  r.encoding === 'identity' ? `${r.bytes} B okomprimerat` : `${r.wireBytes} B ${r.encoding} av ${r.bytes} B`;

// ---- reports ----------------------------------------------------------------------------------------------
// The floor is the least SQL that answers the question: ids grouped over the covering report index, no labels.
const reportCases = [
  { name: 'fördelning ett år (2018, mål)', url: '/api/v1/reports/distribution?dimension=goal&year=2018', sql: 'select goal_id, count(*) as n from activities where unit_id = 1 and year = 2018 group by goal_id' },
  { name: 'fördelning alla år (mål)', url: '/api/v1/reports/distribution?dimension=goal', sql: 'select goal_id, count(*) as n from activities where unit_id = 1 group by goal_id' },
  {
    name: 'korstabell 2018 (område × mål)', url: '/api/v1/reports/crosstab?rows=area&cols=goal&year=2018',
    sql: 'select area_id, goal_id, count(*) as n from activities where unit_id = 1 and year = 2018 group by area_id, goal_id',
  },
];
const reports: Record<string, unknown>[] = [];
for (const c of reportCases) {
  const probe = await timeGet(c.url);
  if (probe.status !== 200) {
    const why = `${probe.status} ${JSON.stringify(probe.body).slice(0, 160)}`;
    log(`  rapport "${c.name}": hoppas över (${why})`);
    reports.push({ name: c.name, skipped: why });
    verdicts.push({ target: `${c.name} ≤ 1,2 × golv`, measured: `hoppad: ${probe.status}`, pass: null });
    continue;
  }
  const api: number[] = [];
  const floor: number[] = [];
  const stmt = floorDb.prepare(c.sql);
  for (let i = 0; i < RUNS; i++) {
    api.push((await timeGet(c.url)).ms);
    const s = process.hrtime.bigint();
    stmt.all();
    floor.push(ms(s));
  }
  const ratio = median(api) / median(floor);
  reports.push({ name: c.name, apiMs: median(api), floorMs: median(floor), ratio, wireBytes: probe.wireBytes, bytes: probe.bytes, encoding: probe.encoding });
  log(`  rapport "${c.name}": ${size(probe)} på nätet`);
  verdicts.push({ target: `${c.name} ≤ 1,2 × golv`, measured: `${median(api).toFixed(1)} / ${median(floor).toFixed(1)} ms = ${ratio.toFixed(2)}×`, pass: ratio <= 1.2 });
}
results.reports = reports;

// ---- list pagination --------------------------------------------------------------------------------------
{
  const base = '/api/v1/activities?limit=50';
  let cursor: string | null = null;
  // Page 1,000 at the default N; smaller runs use their last full page.
  const lastPage = Math.min(1000, Math.floor(N / 50));
  for (let page = 1; page < lastPage; page++) {
    const res = await server.request('GET', cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base);
    cursor = (res.body as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`listan tog slut på sida ${page}`);
  }
  const page1: number[] = [];
  const page1000: number[] = [];
  const first = await timeGet(base);
  log(`  lista: en sida med 50 aktiviteter är ${size(first)} på nätet`);
  results.listPageBytes = { wireBytes: first.wireBytes, bytes: first.bytes, encoding: first.encoding };
  for (let i = 0; i < RUNS; i++) {
    page1.push((await timeGet(base)).ms);
    page1000.push((await timeGet(`${base}&cursor=${encodeURIComponent(cursor!)}`)).ms);
  }
  const ratio = median(page1000) / median(page1);
  results.list = { page: lastPage, page1Ms: median(page1), pageNMs: median(page1000), ratio };
  verdicts.push({ target: `lista sida ${lastPage} ≤ 1,5 × sida 1`, measured: `${median(page1000).toFixed(1)} / ${median(page1).toFixed(1)} ms = ${ratio.toFixed(2)}×`, pass: ratio <= 1.5 });
}

// ---- writes -----------------------------------------------------------------------------------------------
const ids = (sql: string) => (floorDb.prepare(sql).all() as { id: number }[]).map((r) => r.id);
const writeBody = JSON.stringify({
  date: '2026-03-12',
  title: 'Nätverksträff om samordnad individuell plan',
  goalId: floorDb.prepare(`select g.id from goals g join goal_frameworks f on f.id = g.framework_id where f.valid_from <= '2026-03-12' and (f.valid_to is null or f.valid_to >= '2026-03-12') limit 1`).pluck().get(),
  areaId: floorDb.prepare(`select id from areas a where not exists (select 1 from areas c where c.parent_id = a.id) limit 1`).pluck().get(),
  typeId: ids('select id from activity_types limit 1')[0],
  format: 'hybrid',
  municipalityIds: ids('select id from municipalities limit 3'),
  staffIds: ids('select id from staff limit 2'),
});

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; non2xx: number; p99: number }> {
  const r = await autocannon({ url, method: 'POST', connections: 10, duration: seconds, headers: { 'content-type': 'application/json', ...headers }, body: writeBody });
  return { rps: r.requests.average, non2xx: r.non2xx, p99: r.latency.p99 };
}
// The floor runs beside the API on the same file. Whichever writes first pays for growing the WAL and the file
// and for JIT warm-up, so both get a short unmeasured warm-up, then they take turns and each side's median counts.
const floorPort = await freePort();
const floorProc = fork(path.join(repoRoot, 'apps/api/bench/floor-server.ts'), [file, String(floorPort)], { execArgv: ['--import', 'tsx'], cwd: path.join(repoRoot, 'apps/api'), stdio: 'inherit' });
await new Promise<void>((resolve, reject) => { floorProc.once('message', () => resolve()); floorProc.once('exit', (code) => reject(new Error(`golvservern avslutades (${code})`))); });
const apiTarget = () => load(`${server.url}/api/v1/activities`, server.headers, Math.max(1, SECONDS / 3));
const floorTarget = () => load(`http://127.0.0.1:${floorPort}/floor`, {}, Math.max(1, SECONDS / 3));
await load(`${server.url}/api/v1/activities`, server.headers, 2);
await load(`http://127.0.0.1:${floorPort}/floor`, {}, 2);
const apiRounds: Awaited<ReturnType<typeof load>>[] = [];
const floorRounds: Awaited<ReturnType<typeof load>>[] = [];
for (let round = 0; round < 3; round++) {
  apiRounds.push(await apiTarget());
  floorRounds.push(await floorTarget());
}
floorProc.kill('SIGTERM');
const byRps = (rounds: typeof apiRounds) => [...rounds].sort((a, b) => a.rps - b.rps)[1]!;
const apiWrites = byRps(apiRounds);
const floorWrites = byRps(floorRounds);
const non2xx = apiRounds.reduce((n, r) => n + r.non2xx, 0);
if (non2xx) log(`  varning: ${non2xx} svar från API:t var inte 2xx`);
// ---- the public answer page: a burst of answers to one evaluation ----------------------------------------------
const answers = await measureEvaluationBurst(server, file);
results.evaluationBurst = answers.results;
verdicts.push(...answers.verdicts);
const rss = peakRss();
await server.stop();
const writeRatio = apiWrites.rps / floorWrites.rps;
results.writes = { api: apiWrites, floor: floorWrites, apiRounds, floorRounds, ratio: writeRatio, seconds: SECONDS, connections: 10 };
verdicts.push({ target: 'skrivningar ≥ 0,6 × golv', measured: `${apiWrites.rps.toFixed(0)} / ${floorWrites.rps.toFixed(0)} req/s = ${writeRatio.toFixed(2)}×`, pass: writeRatio >= 0.6 });
results.peakRssBytes = rss;
verdicts.push({ target: 'API-processens topp-RSS ≤ 200 MB', measured: `${(rss / 1e6).toFixed(0)} MB`, pass: rss <= 200e6 });

// ---- SPA --------------------------------------------------------------------------------------------------
// A year the data covers, as the chief would open it this year.
const spa = await measureSpaCost({ databasePath: file, year: Math.min(new Date().getFullYear(), YEARS.at(-1)!), runs: RUNS, log });
results.spa = spa.results;
verdicts.push(...spa.verdicts);

floorDb.close();
fs.rmSync(dir, { recursive: true, force: true });

// ---- Lighthouse -------------------------------------------------------------------------------------------
// On its own demo database (the pages as a user of the demo sees them); the web app was just built above.
let lighthouseLines: string[] = [];
if (!args.includes('--no-lighthouse')) {
  const lh = await measureLighthouse({ log, build: false });
  results.lighthouse = lh.results;
  verdicts.push(...lh.verdicts);
  lighthouseLines = lighthouseTable(lh.scores);
}

// ---- report -----------------------------------------------------------------------------------------------
results.verdicts = verdicts;
const width = Math.max(...verdicts.map((v) => v.target.length));
log(`\nFoU-uppföljning bench: ${N.toLocaleString('sv')} aktiviteter, Node ${process.version}, ${os.cpus().length} kärnor`);
for (const v of verdicts) log(`  ${v.target.padEnd(width)}  ${v.measured.padEnd(34)}  ${v.pass === null ? 'SKIP' : v.pass ? 'PASS' : 'FAIL'}`);
if (lighthouseLines.length) log(`\nLighthouse (prestanda / tillgänglighet / bästa praxis):\n${lighthouseLines.join('\n')}`);
const outDir = path.join(repoRoot, 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
log(`\nResultat: ${out}`);
