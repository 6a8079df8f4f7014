/**
 * How pages load: what each asks the API for, whether anything moves once drawn (layout shift), and the pages that
 * say what went wrong. Run after the scenarios in scenarios.mjs, whose sessions and records they reuse.
 */
// Callbacks handed to page.evaluate and addInitScript run in the browser.
/* global window, PerformanceObserver, requestAnimationFrame, getComputedStyle */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, PHONE, newPage, pages, settle } from './scenarios.mjs';

/** Every page of pages(), plus the yearly pages on their default year and the council's read-only activity. */
function allPages(ctx) {
  return [
    ...pages(ctx),
    ['aktiviteter-alla', '/aktiviteter', 'chef'],
    ['oversikt-standardar', '/oversikt', 'chef'],
    ['plan-standardar', '/plan', 'chef'],
    ['aktivitet-rad', `/aktiviteter/${ctx.state.activityId}`, 'rad'],
  ];
}

/** Collects layout-shift entries from the first frame on (buffered), leaving out shifts right after user input. */
async function watchShifts(page) {
  await page.addInitScript(() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        const moved = (e.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''}`).join(', ');
        window.__layoutShifts.push({ value: e.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Until the page is drawn: the network quiet, a heading, the charts rendered where there are charts. */
async function drawn(page) {
  await settle(page);
  // A chart is drawn when its box comes near the view (components/Chart.tsx): scroll past each, as a reader would.
  for (const box of await page.locator('.chart__canvas').all()) {
    await box.scrollIntoViewIfNeeded();
    await box.locator('canvas[data-drawn]').waitFor({ timeout: 10_000 });
  }
  // Two frames, so a shift caused by the last answer is reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export const pageLoadScenarios = [
  [
    'no page moves once drawn: cumulative layout shift below 0.05 on every page, desktop and phone',
    async (ctx) => {
      const over = [];
      const table = [];
      for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        for (const [name, url, role] of allPages(ctx)) {
          const page = await newPage(ctx, viewport, role);
          await watchShifts(page);
          await page.goto(`${ctx.base}${url}`);
          await drawn(page);
          const shifts = await page.evaluate(() => window.__layoutShifts);
          const cls = shifts.reduce((sum, s) => sum + s.value, 0);
          table.push(`${label} ${name}: ${cls.toFixed(3)}`);
          if (cls >= 0.05) over.push(`${label} ${name}: CLS ${cls.toFixed(3)} (${shifts.map((s) => `${s.value.toFixed(3)} ${s.moved}`).join('; ')})`);
          await page.context().close();
        }
      }
      fs.writeFileSync(path.join(ctx.shots, 'layout-shift.txt'), `${table.join('\n')}\n`);
      assert.deepEqual(over, []);
    },
  ],
  [
    'every page asks the API only for what it shows, and gets no refusal or error',
    async (ctx) => {
      const log = {};
      const problems = [];
      for (const [name, url, role] of allPages(ctx)) {
        const page = await newPage(ctx, DESKTOP, role);
        const asked = [];
        const consoleErrors = [];
        page.on('response', (res) => {
          const u = new URL(res.url());
          if (u.pathname.startsWith('/api/')) asked.push({ path: `${res.request().method()} ${u.pathname}${u.search}`, status: res.status() });
        });
        page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
        await page.goto(`${ctx.base}${url}`);
        await drawn(page);
        log[name] = asked.map((a) => `${a.status} ${a.path}`);
        for (const a of asked) if (a.status >= 400) problems.push(`${name}: ${a.status} ${a.path}`);
        for (const e of consoleErrors) problems.push(`${name}: console error ${e}`);
        // Nothing asked twice: what the boot script asked for before the app's code came (boot/early-requests.ts)
        // is taken by the app, not asked for again.
        const counts = new Map();
        for (const a of asked) counts.set(a.path, (counts.get(a.path) ?? 0) + 1);
        for (const [p, n] of counts) if (n > 1) problems.push(`${name}: asked ${n} times for ${p}`);
        // The activity list is fetched only where activities are listed: the list itself and a plan item's page.
        for (const a of asked) {
          if (/^GET \/api\/v1\/activities\?/.test(a.path) && !['aktiviteter', 'aktiviteter-alla', 'planpunkt'].includes(name)) problems.push(`${name} lists activities it does not show: ${a.path}`);
        }
        await page.context().close();
      }
      fs.writeFileSync(path.join(ctx.shots, 'requests.json'), `${JSON.stringify(log, null, 2)}\n`);
      assert.deepEqual(problems, []);
      // The form's suggestions come from their own small answer.
      assert.ok(log.registrera.some((l) => l.endsWith('/api/v1/activities/goal-suggestions')), log.registrera.join('\n'));
    },
  ],
  [
    'the overview and the plan open on the latest year with data, and say so',
    async (ctx) => {
      const page = await newPage(ctx);
      const years = (await (await ctx.api('/api/v1/reports/years')).json()).years;
      const now = new Date();
      const thisYear = now.getFullYear();
      // The demo's data ends before the current year; outside January–March the latest year with activities is shown.
      const latest = (what) => Math.max(...years.filter((y) => y[what] > 0 && y.year < thisYear).map((y) => y.year));
      if (!years.some((y) => y.year === thisYear && y.activities > 0) && now.getMonth() >= 3) {
        await page.goto(`${ctx.base}/oversikt`);
        await drawn(page);
        const y = latest('activities');
        assert.equal(await page.locator('h1').innerText(), `Översikt ${y}`);
        await page.getByText(`Visar ${y}, det senaste året med aktiviteter.`).waitFor();
        await page.goto(`${ctx.base}/plan`);
        await settle(page);
        const p = latest('planItems');
        assert.equal(await page.locator('h1').innerText(), `Verksamhetsplan ${p}`);
        await page.getByText(`Visar ${p}, det senaste året med en verksamhetsplan.`).waitFor();
      }
      await page.context().close();
    },
  ],
  [
    'on a phone the overview shows its key numbers without sideways scrolling; the wide tables say they scroll',
    async (ctx) => {
      const page = await newPage(ctx, PHONE);
      await page.goto(`${ctx.base}/oversikt?year=2018`);
      await drawn(page);
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('.table-wrap')].map((el) => ({
          label: el.getAttribute('aria-label'),
          wide: el.classList.contains('table-wrap--wide'),
          overflows: el.scrollWidth > el.clientWidth + 1,
          focusable: el.tabIndex === 0,
          hint: el.previousElementSibling?.classList.contains('scroll-hint') ? getComputedStyle(el.previousElementSibling).display !== 'none' : false,
        })),
      );
      const bad = boxes.filter((b) => (b.overflows && !b.wide) || (b.wide && !(b.focusable && b.hint && b.label)));
      assert.deepEqual(bad, []);
      // The first VB table's numbers, percent sign and all, are inside the screen.
      const right = await page.locator('[data-table="verksamhetsomrade"] tfoot td').last().evaluate((td) => td.getBoundingClientRect().right);
      assert.ok(right <= 375, `the last column ends at ${right}px`);
      assert.match(await page.locator('[data-table="resultatmal"] tfoot td').last().innerText(), /100\s%/);
      await page.context().close();
    },
  ],
  [
    'a missing activity, an unknown page and a refused page each say so in a heading and the title; the login page logs no error',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/aktiviteter/999999`);
      await page.getByRole('heading', { level: 1, name: 'Aktiviteten finns inte' }).waitFor();
      assert.equal(await page.title(), 'Aktiviteten finns inte – FoU-uppföljning');
      await page.goto(`${ctx.base}/finns-inte`);
      await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
      assert.equal(await page.title(), 'Sidan finns inte – FoU-uppföljning');
      await page.context().close();

      const rad = await newPage(ctx, DESKTOP, 'rad');
      await rad.goto(`${ctx.base}/konton`);
      await rad.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
      assert.equal(await rad.title(), 'Ingen behörighet – FoU-uppföljning');
      await rad.goto(`${ctx.base}/aktiviteter/${ctx.state.activityId}`);
      await rad.locator('dl.details dt', { hasText: 'Genomförande' }).waitFor();
      assert.match(await rad.title(), /^Aktivitet: /);
      await rad.context().close();

      const out = await newPage(ctx, DESKTOP, null);
      const errors = [];
      out.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await out.goto(`${ctx.base}/logga-in`);
      await settle(out);
      assert.deepEqual(errors, []);
      await out.context().close();
    },
  ],
];
