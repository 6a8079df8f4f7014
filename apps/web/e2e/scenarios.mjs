/** The end-to-end scenarios, in order; later ones may use what earlier ones created (ctx.state). */
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

async function newPage(ctx, viewport = DESKTOP) {
  const context = await ctx.browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

/** Presses Tab until the element matching `selector` has focus: the way a keyboard user gets there. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Every page the app has; the edit page needs an activity id from an earlier scenario. */
function pages(ctx) {
  return [
    ['registrera', '/'],
    ['aktiviteter', '/aktiviteter?year=2018'],
    ['andra', `/aktiviteter/${ctx.state.activityId}`],
    ['oversikt', '/oversikt?year=2018'],
  ];
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
}

export const scenarios = [
  [
    'registers an activity by keyboard alone (Tab, Space, arrows, Enter)',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/`);
      await settle(page);
      const title = `Nätverksträff e2e ${Date.now()}`;
      await tabTo(page, '#field-title');
      await page.keyboard.type(title);
      await tabTo(page, '#field-typeId');
      await page.keyboard.press('ArrowDown');
      // Goals, area, format: Tab into the radio group, Space picks the focused option.
      await tabTo(page, 'input[name="goalId"]');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'input[name="areaId"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-municipalityIds');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-staffIds');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="format"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-participants');
      await page.keyboard.type('14');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');

      const status = page.getByRole('status').filter({ hasText: title });
      await status.waitFor();
      const list = await (await fetch(`${ctx.base}/api/v1/activities?q=${encodeURIComponent(title)}`)).json();
      assert.equal(list.items.length, 1, 'the saved activity is in the API');
      const saved = list.items[0];
      assert.equal(saved.municipalities.length, 8, '"Alla" checked all eight municipalities');
      assert.equal(saved.participants, 14);
      assert.equal(saved.staff.length, 1);
      ctx.state.activityId = saved.id;
      ctx.state.title = title;

      // "Registrera en till" gives an empty form with the focus on its first field.
      await tabTo(page, 'button.button--primary');
      await page.keyboard.press('Enter');
      await page.locator('#field-date:focus').waitFor();
      assert.equal(await page.locator('#field-title').inputValue(), '');
      await page.context().close();
    },
  ],
  [
    'finds the activity in the list with the URL filter and edits it',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/aktiviteter`);
      await settle(page);
      await page.getByLabel('Sök i titel').fill(ctx.state.title);
      await page.getByRole('button', { name: 'Visa', exact: true }).click();
      await page.waitForURL(/q=/);
      assert.match(decodeURIComponent(page.url()).replaceAll('+', ' '), new RegExp(ctx.state.title));
      const link = page.getByRole('link', { name: ctx.state.title });
      await link.waitFor();
      // The previous page's rows stay on screen until the filtered answer arrives.
      await page.locator('.list-count', { hasText: /^1 aktivitet$/ }).waitFor();
      assert.equal(await page.locator('.activity-table tbody tr').count(), 1);

      await link.click();
      await page.getByRole('heading', { name: 'Ändra aktivitet' }).waitFor();
      const newTitle = `${ctx.state.title} (ändrad)`;
      await page.getByLabel(/^Titel/).fill(newTitle);
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').filter({ hasText: 'Ändringarna' }).waitFor();
      const a = await (await fetch(`${ctx.base}/api/v1/activities/${ctx.state.activityId}`)).json();
      assert.equal(a.title, newTitle);
      assert.equal(a.version, 2);
      ctx.state.title = newTitle;
      await page.context().close();
    },
  ],
  [
    'a stale version gets a Swedish 409 message, and after reloading the save goes through',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/aktiviteter/${ctx.state.activityId}`);
      await settle(page);
      // Someone else saves first: our form now holds a stale version.
      const current = await (await fetch(`${ctx.base}/api/v1/activities/${ctx.state.activityId}`)).json();
      const body = {
        date: current.date, title: current.title, goalId: current.goal.id, areaId: current.area.id, typeId: current.type.id,
        format: current.format, municipalityIds: current.municipalities.map((m) => m.id), staffIds: current.staff.map((s) => s.id),
        version: current.version,
      };
      const put = await fetch(`${ctx.base}/api/v1/activities/${ctx.state.activityId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(put.status, 200);
      await page.getByRole('button', { name: 'Spara' }).click();
      const alert = page.locator('.error-summary');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Någon annan har ändrat aktiviteten/);
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the summary takes focus');
      // Reloading fetches the other person's version; saving then works.
      await page.getByRole('button', { name: 'Ladda om aktiviteten' }).click();
      await page.locator('.error-summary').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').filter({ hasText: 'Ändringarna' }).waitFor();
      const after = await (await fetch(`${ctx.base}/api/v1/activities/${ctx.state.activityId}`)).json();
      assert.equal(after.version, current.version + 2);
      await page.context().close();
    },
  ],
  [
    'every page passes axe (WCAG 2.1 A and AA) with zero violations',
    async (ctx) => {
      const problems = [];
      for (const [name, url] of pages(ctx)) {
        const page = await newPage(ctx);
        await page.goto(`${ctx.base}${url}`);
        await settle(page);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) problems.push(`${name}: ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        await page.context().close();
      }
      assert.deepEqual(problems, []);
    },
  ],
  [
    'every page fits a 320 px wide screen without sideways scrolling',
    async (ctx) => {
      const wide = [];
      for (const [name, url] of pages(ctx)) {
        const page = await newPage(ctx, { width: 320, height: 640 });
        await page.goto(`${ctx.base}${url}`);
        await settle(page);
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        if (sw > 320) wide.push(`${name}: ${sw}px`);
        await page.context().close();
      }
      assert.deepEqual(wide, []);
    },
  ],
  [
    'deletes the activity after confirming in the dialog',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/aktiviteter/${ctx.state.activityId}`);
      await settle(page);
      await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Ta bort aktiviteten?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
      await page.waitForURL(/\/aktiviteter$/);
      await page.getByRole('status').filter({ hasText: 'borttagen' }).waitFor();
      const r = await fetch(`${ctx.base}/api/v1/activities/${ctx.state.activityId}`);
      assert.equal(r.status, 404);
      // Recreate one so the screenshots below have an edit page to show.
      const list = await (await fetch(`${ctx.base}/api/v1/activities?from=2018-01-01&to=2018-12-31&limit=1`)).json();
      ctx.state.activityId = list.items[0].id;
      await page.context().close();
    },
  ],
  [
    'saves a screenshot of every page at desktop and phone width',
    async (ctx) => {
      for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        for (const [name, url] of pages(ctx)) {
          const page = await newPage(ctx, viewport);
          await page.goto(`${ctx.base}${url}`);
          await settle(page);
          await page.screenshot({ path: path.join(ctx.shots, `${name}-${label}.png`), fullPage: label === 'desktop' });
          if (label === 'phone') await page.screenshot({ path: path.join(ctx.shots, `${name}-${label}-full.png`), fullPage: true });
          await page.context().close();
        }
      }
    },
  ],
];
