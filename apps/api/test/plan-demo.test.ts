import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plan from '../src/seed/data/vp2018-plan.json' with { type: 'json' };
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp({ demo: true }); });
afterAll(async () => { await t.close(); });

const rows = <T>(sql: string, ...params: unknown[]) => t.app.db.$client.prepare(sql).all(...params) as T[];

type Item = { id: number; title: string; status: string; outcome: string | null; goal: { key: string; frameworkCode: string }; area: { code: string }; planned: string[]; targetCount: number | null };

describe('the demo 2018 plan', () => {
  it('is VP 2018 item by item: goal, area, planned lines, outcome, and a status that follows the outcome', async () => {
    const items = (await t.http.get('/api/v1/plan-items').query({ year: 2018 }).expect(200)).body as Item[];
    expect(items).toHaveLength(plan.items.length);
    const byTitle = new Map(items.map((i) => [i.title, i]));
    for (const src of plan.items) {
      const item = byTitle.get(src.title)!;
      const outcome = 'outcome_2018' in src ? (src.outcome_2018 as string) : null;
      expect(item, src.title).toMatchObject({ goal: { key: src.goal, frameworkCode: 'vp2018' }, area: { code: src.area }, planned: src.planned, outcome });
      if (outcome === null) expect(['pagar', 'planerad']).toContain(item.status);
      else if (/inte genomfört/i.test(outcome)) expect(item.status).toBe('delvis_genomford');
      else expect(item.status).toBe('genomford');
    }
    // The outcome that says the analysis seminar was not held makes ASI UBÅT partly done.
    expect(byTitle.get('ASI UBÅT')!.status).toBe('delvis_genomford');
  });

  it('puts each 2018 item in the assignment of the same name (the demo has one per item)', async () => {
    const items = (await t.http.get('/api/v1/plan-items').query({ year: 2018 }).expect(200)).body as (Item & { assignment: { id: number; title: string } | null })[];
    const assignments = new Map(rows<{ id: number; title: string }>('select id, title from assignments').map((a) => [a.title, a.id]));
    for (const item of items) expect(item.assignment, item.title).toEqual({ id: assignments.get(item.title), title: item.title });
  });

  it('takes targets from numbers the plan states per term or year', async () => {
    const items = (await t.http.get('/api/v1/plan-items').query({ year: 2018 }).expect(200)).body as Item[];
    const target = (title: string) => items.find((i) => i.title === title)!.targetCount;
    expect(target('Information om FoU Nordväst')).toBe(4); // två informationstillfällen per termin
    expect(target('Fältkurs')).toBe(2); // en fältkurs per termin
    expect(target('Verksamhetsförlagd utbildning')).toBe(1); // minst en gång per år
    expect(target('Socionomdag i nordväst')).toBeNull(); // "en Socionomdag": no period, no target
  });

  it("links each 2018 activity of a plan item's assignment to that item, and no other", async () => {
    const wrong = rows<{ id: number }>(`select a.id from activities a
      left join assignments s on s.id = a.assignment_id
      left join plan_items p on p.id = a.plan_item_id
      where a.year = 2018 and ((s.id is null and a.plan_item_id is not null) or (s.id is not null and (p.id is null or p.title <> s.title or p.year <> 2018)))`);
    expect(wrong).toEqual([]);
    const linked = rows<{ n: number }>('select count(*) n from activities where year = 2018 and plan_item_id is not null')[0]!.n;
    const withAssignment = rows<{ n: number }>('select count(*) n from activities where year = 2018 and assignment_id is not null')[0]!.n;
    expect(linked).toBe(withAssignment);
    expect(linked).toBeGreaterThan(0);
    expect(rows<{ n: number }>('select count(*) n from activities where year <> 2018 and plan_item_id is not null')[0]!.n).toBe(0);

    // The follow-up over the demo counts the same links.
    const followup = (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-06-30' }).expect(200)).body;
    const perItem = new Map(rows<{ id: number; n: number }>(`select p.id, count(a.id) n from plan_items p
      left join activities a on a.plan_item_id = p.id and a.date <= '2018-06-30' where p.year = 2018 group by p.id`).map((x) => [x.id, x.n]));
    for (const i of followup.items as { id: number; activityCount: number; flagged: boolean }[]) {
      expect(i.activityCount).toBe(perItem.get(i.id));
      expect(i.flagged).toBe(perItem.get(i.id) === 0);
    }
    expect(followup.totals.planned).toBe(plan.items.length);
  });
});
