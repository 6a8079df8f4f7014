/** The end-to-end scenarios, in order; later ones may use what earlier ones created (ctx.state). */
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

export const DEMO = {
  chef: 'demo-chef-2018',
  medarbetare: 'demo-medarbetare-2018',
  rad: 'demo-rad-2018',
  admin: 'demo-admin-2018',
};

/** A page signed in as `role` (the browser state saved by that role's keyboard login), or signed out (null). */
async function newPage(ctx, viewport = DESKTOP, role = 'chef') {
  const storageState = role ? ctx.state.sessions?.[role] : undefined;
  if (role && !storageState) throw new Error(`no saved session for ${role}: log in first`);
  const context = await ctx.browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...(storageState ? { storageState } : {}) });
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

/** Signs in through the login page by keyboard alone; saves the browser state for later pages of that role. */
async function loginByKeyboard(ctx, page, username, password = DEMO[username]) {
  await page.goto(`${ctx.base}/logga-in`);
  await page.locator('#login-username:focus').waitFor();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/logga-in'));
  ctx.state.sessions = { ...ctx.state.sessions, [username]: await page.context().storageState() };
}

/** An API session for the checks the scenarios make behind the UI: the cookie plus the CSRF header. */
async function apiSession(base, username, password = DEMO[username]) {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(r.status, 200, `API login as ${username}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const me = await r.json();
  const call = (url, init = {}) => fetch(`${base}${url}`, { ...init, headers: { ...init.headers, cookie, 'x-csrf-token': me.csrfToken } });
  call.me = me;
  return call;
}

/** Every page the app has, with the role that sees it (null: signed out); the edit page needs an activity id. */
function pages(ctx) {
  return [
    ['registrera', '/', 'chef'],
    ['aktiviteter', '/aktiviteter?year=2018', 'chef'],
    ['andra', `/aktiviteter/${ctx.state.activityId}`, 'chef'],
    ['oversikt', '/oversikt?year=2018', 'chef'],
    ['logga-in', '/logga-in', null],
    ['losenord', '/losenord', 'chef'],
    ['konton', '/konton', 'chef'],
  ];
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
}

export const scenarios = [
  [
    'signs in as the FoU chief through the login page by keyboard, after a wrong password',
    async (ctx) => {
      const page = await newPage(ctx, DESKTOP, null);
      await page.goto(`${ctx.base}/aktiviteter?year=2018`);
      // Signed out: the login page, which remembers where the user was going.
      await page.waitForURL(/\/logga-in\?next=/);
      await page.locator('#login-username:focus').waitFor();
      await page.keyboard.type('chef');
      await page.keyboard.press('Tab');
      await page.keyboard.type('fel-lösenord');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.innerText(), 'Fel användarnamn eller lösenord.');
      await page.locator('#login-password').fill('');
      await page.locator('#login-password').focus();
      await page.keyboard.type(DEMO.chef);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/aktiviteter\?year=2018$/);
      await page.getByText('FoU-chef (demo)').waitFor();
      ctx.state.sessions = { chef: await page.context().storageState() };
      ctx.api = await apiSession(ctx.base, 'chef');
      await page.context().close();
    },
  ],
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
      const list = await (await ctx.api(`/api/v1/activities?q=${encodeURIComponent(title)}`)).json();
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
      const a = await (await ctx.api(`/api/v1/activities/${ctx.state.activityId}`)).json();
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
      const current = await (await ctx.api(`/api/v1/activities/${ctx.state.activityId}`)).json();
      const body = {
        date: current.date, title: current.title, goalId: current.goal.id, areaId: current.area.id, typeId: current.type.id,
        format: current.format, municipalityIds: current.municipalities.map((m) => m.id), staffIds: current.staff.map((s) => s.id),
        version: current.version,
      };
      const put = await ctx.api(`/api/v1/activities/${ctx.state.activityId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
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
      const after = await (await ctx.api(`/api/v1/activities/${ctx.state.activityId}`)).json();
      assert.equal(after.version, current.version + 2);
      await page.context().close();
    },
  ],
  [
    'the overview for the demo year 2018 shows the annual report’s tables: areas 42/36/22 %, goals 32/27/33/9 %',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/oversikt?year=2018`);
      await settle(page);
      const percents = (id) => page.locator(`table[data-table="${id}"] tbody td[data-percent]`).evaluateAll((tds) => tds.map((td) => Number(td.dataset.percent)));
      await page.locator('table[data-table="resultatmal"]').waitFor();
      assert.deepEqual(await percents('verksamhetsomrade'), [42, 36, 22]);
      assert.deepEqual(await percents('resultatmal'), [32, 27, 33, 9]);
      // What the reader sees, in Swedish number format.
      const shown = await page.locator('table[data-table="verksamhetsomrade"] tbody td[data-percent]').allInnerTexts();
      assert.deepEqual(shown, ['42\u00a0%', '36\u00a0%', '22\u00a0%']);
      assert.equal(await page.locator('.chart canvas').count() >= 5, true, 'a chart beside each table');
      // The export links answer with real files; the PNG button hands over the chart as an image.
      const vb = page.locator('.vb-section');
      for (const [name, type] of [['Ladda ner CSV', /text\/csv/], ['Ladda ner Excel', /spreadsheetml/]]) {
        const href = await vb.getByRole('link', { name }).getAttribute('href');
        const r = await ctx.api(href);
        assert.equal(r.status, 200, href);
        assert.match(r.headers.get('content-type') ?? '', type);
      }
      const [download] = await Promise.all([page.waitForEvent('download'), vb.getByRole('button', { name: 'Spara diagrammet som bild' }).first().click()]);
      assert.equal(download.suggestedFilename(), 'vb-2018-verksamhetsomrade.png');
      await page.context().close();
    },
  ],
  [
    'the council representative sees no Registrera link and no edit or delete buttons',
    async (ctx) => {
      const page = await newPage(ctx, DESKTOP, null);
      await loginByKeyboard(ctx, page, 'rad');
      // The start page is the form; the council goes to the list instead.
      await page.waitForURL(/\/aktiviteter$/);
      await page.getByText('Rådsrepresentant', { exact: true }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
      assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Aktiviteter', 'Översikt']);
      await page.goto(`${ctx.base}/aktiviteter/${ctx.state.activityId}`);
      await settle(page);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ctx.state.title);
      assert.equal(await page.getByRole('button', { name: 'Spara' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Ta bort', exact: true }).count(), 0);
      assert.equal(await page.locator('form input, form select, form textarea').count(), 0, 'no form to fill in');
      await page.context().close();
    },
  ],
  [
    'a medarbetare records an activity with their own staff member preselected',
    async (ctx) => {
      const page = await newPage(ctx, DESKTOP, null);
      await loginByKeyboard(ctx, page, 'medarbetare');
      await settle(page);
      const me = await apiSession(ctx.base, 'medarbetare');
      assert.ok(me.me.staffId, 'the demo medarbetare is linked to a staff member');
      // Only their own box is ticked; the saved activity below shows it was theirs.
      assert.equal(await page.locator('#field-staffIds').locator('xpath=ancestor::fieldset[1]').locator('input:checked').count(), 1);
      const title = `Medarbetarens aktivitet ${Date.now()}`;
      await tabTo(page, '#field-title');
      await page.keyboard.type(title);
      await tabTo(page, '#field-typeId');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'input[name="goalId"]');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'input[name="areaId"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-municipalityIds');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="format"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: title }).waitFor();
      const list = await (await me(`/api/v1/activities?q=${encodeURIComponent(title)}`)).json();
      assert.equal(list.items.length, 1);
      assert.deepEqual(list.items[0].staff.map((s) => s.id), [me.me.staffId]);
      await page.context().close();
    },
  ],
  [
    'logging out ends the session; the next page asks for a login and returns there after it',
    async (ctx) => {
      const page = await newPage(ctx, DESKTOP, null);
      await loginByKeyboard(ctx, page, 'admin');
      await page.goto(`${ctx.base}/konton`);
      await settle(page);
      await page.getByRole('cell', { name: 'chef', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.waitForURL(/\/logga-in$/);
      await page.getByRole('status').filter({ hasText: 'Du är utloggad.' }).waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
      assert.equal(me, 401);
      await page.goto(`${ctx.base}/oversikt?year=2018`);
      await page.waitForURL(/\/logga-in\?next=%2Foversikt%3Fyear%3D2018$/);
      await page.locator('#login-username:focus').waitFor();
      await page.keyboard.type('admin');
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO.admin);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/oversikt\?year=2018$/);
      await page.context().close();
    },
  ],
  [
    'every page passes axe (WCAG 2.1 A and AA) with zero violations',
    async (ctx) => {
      const problems = [];
      for (const [name, url, role] of pages(ctx)) {
        const page = await newPage(ctx, DESKTOP, role);
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
      for (const [name, url, role] of pages(ctx)) {
        const page = await newPage(ctx, { width: 320, height: 640 }, role);
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
      const r = await ctx.api(`/api/v1/activities/${ctx.state.activityId}`);
      assert.equal(r.status, 404);
      // Recreate one so the screenshots below have an edit page to show.
      const list = await (await ctx.api(`/api/v1/activities?from=2018-01-01&to=2018-12-31&limit=1`)).json();
      ctx.state.activityId = list.items[0].id;
      await page.context().close();
    },
  ],
  [
    'saves a screenshot of every page at desktop and phone width',
    async (ctx) => {
      for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        for (const [name, url, role] of pages(ctx)) {
          const page = await newPage(ctx, viewport, role);
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
