/**
 * The overview's charts as print images: PNG at least 1600 px wide, SVG with the title, the year, n and the values
 * on the bars. Expected figures are counted with plain SQL over the demo year's activities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../src/lib/chart-png.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp({ demo: true }); });
afterAll(async () => { await t.close(); });

const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sql = <T>(q: string, ...p: unknown[]) => t.app.db.$client.prepare(q).all(...p) as T[];
/** Half up, each row on its own, as the published report rounds. */
const halfUp = (n: number, total: number) => Math.floor((100 * n) / total + 0.5);
const svgOf = async (chart: string, year = 2018) => (await t.http.get(`/api/v1/reports/charts/${chart}`).query({ year, format: 'svg' }).buffer(true).parse(binary).expect(200)).body.toString('utf8') as string;

describe('GET /reports/charts/:chart', () => {
  it.each(['verksamhetsomrade', 'resultatmal', 'mal-per-omrade', 'kommuner', 'trend'])('draws %s as a PNG at least 1600 px wide', async (chart) => {
    const res = await t.http.get(`/api/v1/reports/charts/${chart}`).query({ year: 2018 }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.body as Buffer;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThanOrEqual(1600);
    expect(height).toBeGreaterThan(400);
  });

  it('puts the title, the year, n and each goal\'s half-up percent in the goals chart', async () => {
    const res = await t.http.get('/api/v1/reports/charts/resultatmal').query({ year: 2018 }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('diagram-resultatmål-2018.png')}`);
    const svg = await svgOf('resultatmal');
    const n = sql<{ n: number }>('SELECT count(*) AS n FROM activities WHERE unit_id = ? AND year = 2018', t.unitId)[0]!.n;
    const byGoal = sql<{ k: string; c: number }>('SELECT g.key AS k, count(*) AS c FROM activities a JOIN goals g ON g.id = a.goal_id WHERE a.unit_id = ? AND a.year = 2018 GROUP BY g.key', t.unitId);
    expect(svg).toContain('<title>Resultatmål i VP2018</title>');
    expect(svg).toContain(`2018 · n = ${n} aktiviteter`);
    for (const g of byGoal) expect(svg).toContain(`>${halfUp(g.c, n)} %</text>`);
    expect(byGoal.reduce((s, g) => s + halfUp(g.c, n), 0)).toBe(101);
    expect(svg).toContain('summerar därför till 101 %');
  });

  it('puts each municipality\'s count on its bar and says why they add up to more than n', async () => {
    const svg = await svgOf('kommuner');
    const rows = sql<{ name: string; c: number }>(`SELECT m.name AS name, count(*) AS c FROM activities a JOIN activity_municipalities am ON am.activity_id = a.id
      JOIN municipalities m ON m.id = am.municipality_id WHERE a.unit_id = ? AND a.year = 2018 GROUP BY m.id`, t.unitId);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(svg).toContain(`>${r.name}</text>`);
      expect(svg).toContain(`>${r.c}</text>`);
    }
    expect(svg).toContain('En aktivitet räknas för varje kommun som deltog');
  });

  it('refuses an unknown chart and a missing year on their fields', async () => {
    await t.http.get('/api/v1/reports/charts/paj').query({ year: 2018 }).expect(400);
    await t.http.get('/api/v1/reports/charts/trend').expect(400);
  });
});
