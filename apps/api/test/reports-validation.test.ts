/** Bad report parameters are 400s that name the parameter, never 500s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { fieldsOf } from './helpers/fixtures.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });
afterAll(async () => { await t.close(); });

const cases: [string, string, Record<string, string | number>, string][] = [
  ['unknown dimension', 'distribution', { dimension: 'kommunstorlek' }, 'dimension'],
  ['missing dimension', 'distribution', {}, 'dimension'],
  ['year with from', 'distribution', { dimension: 'goal', year: 2018, from: '2018-01-01' }, 'year'],
  ['from after to', 'distribution', { dimension: 'goal', from: '2018-06-01', to: '2018-01-01' }, 'to'],
  ['malformed date', 'distribution', { dimension: 'goal', from: '2018-1-1' }, 'from'],
  ['impossible date', 'distribution', { dimension: 'goal', to: '2018-02-30' }, 'to'],
  ['year out of range', 'distribution', { dimension: 'goal', year: 99999 }, 'year'],
  ['unknown municipality code', 'distribution', { dimension: 'goal', municipality: 'atlantis' }, 'municipality'],
  ['unknown staff id', 'distribution', { dimension: 'goal', staff: 9999 }, 'staff'],
  ['non-numeric staff id', 'distribution', { dimension: 'goal', staff: 'anna' }, 'staff'],
  ['unknown goal key', 'distribution', { dimension: 'goal', goal: 'lycka' }, 'goal'],
  ['unknown area code', 'distribution', { dimension: 'goal', area: 'skola' }, 'area'],
  ['unknown type id', 'distribution', { dimension: 'goal', type: 9999 }, 'type'],
  ['unknown assignment id', 'distribution', { dimension: 'goal', assignment: 9999 }, 'assignment'],
  ['unknown line', 'distribution', { dimension: 'goal', line: 'tredje' }, 'line'],
  ['unknown format', 'distribution', { dimension: 'goal', format: 'brev' }, 'format'],
  ['unknown rounding', 'distribution', { dimension: 'goal', rounding: 'bankers' }, 'rounding'],
  ['unknown output', 'distribution', { dimension: 'goal', output: 'pdf' }, 'output'],
  ['unknown parameter', 'distribution', { dimension: 'goal', kommun: 'solna' }, 'kommun'],
  ['same rows and cols', 'crosstab', { rows: 'goal', cols: 'goal' }, 'cols'],
  ['multi-valued crosstab dimension', 'crosstab', { rows: 'municipality', cols: 'goal' }, 'rows'],
  ['bad percent base', 'crosstab', { rows: 'goal', cols: 'area', percent: 'cell' }, 'percent'],
  ['fromYear after toYear', 'trend', { dimension: 'goal', fromYear: 2025, toYear: 2017 }, 'fromYear'],
  ['span over 50 years', 'trend', { dimension: 'goal', fromYear: 1950, toYear: 2025 }, 'toYear'],
  ['missing toYear', 'trend', { dimension: 'goal', fromYear: 2017 }, 'toYear'],
  ['multi-valued trend dimension', 'trend', { dimension: 'staff', fromYear: 2017, toYear: 2018 }, 'dimension'],
  ['reach with reversed period', 'reach', { from: '2019-01-01', to: '2018-01-01' }, 'to'],
  ['reach with unknown municipality', 'reach', { municipality: 'atlantis' }, 'municipality'],
  ['unknown VB table', 'vb/2018', { table: 'budget' }, 'table'],
  ['VB year not a number', 'vb/tjugo', {}, 'year'],
];

describe('report parameters', () => {
  it.each(cases)('%s → 400 on the parameter', async (_name, path, query, field) => {
    const res = await t.http.get(`/api/v1/reports/${path}`).query(query).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
    expect(typeof res.body.message).toBe('string');
  });

  it('accepts a 50-year trend and an empty year with zeros, not NaN', async () => {
    const trend = await t.http.get('/api/v1/reports/trend').query({ dimension: 'goal', fromYear: 1976, toYear: 2025 }).expect(200);
    expect(trend.body.years).toHaveLength(50);
    const dist = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'areaGroup', year: 2030 }).expect(200);
    expect(dist.body.total).toBe(0);
    expect(dist.body.rows.map((r: { count: number; share: number; percent: number }) => [r.count, r.share, r.percent])).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
    const vb = await t.http.get('/api/v1/reports/vb/2030').expect(200);
    expect(vb.body.activityCount).toBe(0);
    expect(vb.body.tables[0].total).toEqual({ label: 'Totalt', count: 0, percent: 0 });
  });
});
