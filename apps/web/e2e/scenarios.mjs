/** The end-to-end scenarios, in order; later ones may use what earlier ones created (ctx.state). */
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export const DEMO = {
  chef: 'demo-chef-2018',
  medarbetare: 'demo-medarbetare-2018',
  rad: 'demo-rad-2018',
  admin: 'demo-admin-2018',
  installation: 'demo-installation',
  'rad.sigtuna': 'demo-rad-sigtuna-2018',
};

/** A page signed in as `role` (the browser state saved by that role's keyboard login), or signed out (null). */
export async function newPage(ctx, viewport = DESKTOP, role = 'chef') {
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

/**
 * The activity form's first required fields, by keyboard: the title, the next activity type, the second goal and
 * the first area (Tab into a radio group, an arrow moves and picks, Space picks the focused option).
 */
async function typeActivityBasics(page, title) {
  await tabTo(page, '#field-title');
  await page.keyboard.type(title);
  await tabTo(page, '#field-typeId');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'input[name="goalId"]');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'input[name="areaId"]');
  await page.keyboard.press('Space');
}

/** Signs in through the login page by keyboard alone; saves the browser state for later pages of that role. */
export async function loginByKeyboard(ctx, page, username, password = DEMO[username]) {
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
export async function apiSession(base, username, password = DEMO[username]) {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(r.status, 200, `API login as ${username}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const me = await r.json();
  const call = (url, init = {}) => fetch(`${base}${url}`, { ...init, headers: { ...init.headers, cookie, 'x-csrf-token': me.csrfToken } });
  call.me = me;
  return call;
}

/** Every page the app has, with the role that sees it (null: signed out); the edit page needs an activity id. */
export function pages(ctx) {
  return [
    ['registrera', '/', 'chef'],
    ['aktiviteter', '/aktiviteter?year=2018', 'chef'],
    ['andra', `/aktiviteter/${ctx.state.activityId}`, 'chef'],
    ['oversikt', '/oversikt?year=2018', 'chef'],
    ['logga-in', '/logga-in', null],
    ['losenord', '/losenord', 'chef'],
    ['konton', '/konton', 'chef'],
    ['plan', '/plan?year=2018', 'chef'],
    ['planpunkt', `/plan/${ctx.state.planItemId}`, 'chef'],
    ['ny-planpunkt', '/plan/ny?year=2019', 'chef'],
    ['malramverk', '/malramverk', 'chef'],
    ['nytt-malramverk', '/malramverk/nytt', 'chef'],
    ['plan-rad', '/plan?year=2018', 'rad'],
    ['register', '/register', 'chef'],
    ['register-uppdrag', '/register?visa=uppdrag', 'chef'],
    ['register-kommuner', '/register?visa=kommuner', 'chef'],
    ['register-omraden', '/register?visa=omraden', 'chef'],
    ['register-lasta-ar', '/register?visa=lasta-ar', 'chef'],
    ['register-textvarningar', '/register?visa=textvarningar', 'chef'],
    ['enheter', '/enheter', 'installation'],
    ['enhet', '/enhet', 'chef'],
    ['region', '/region', 'chef'],
    ['utvardering', `/aktiviteter/${ctx.state.evaluationActivityId}`, 'chef'],
    ['svar', `/svar/${ctx.state.evaluationToken}`, null],
    ['verksamhetsberattelse', '/verksamhetsberattelse/2018', 'chef'],
    ['kommun', '/kommun/sigtuna?year=2018', 'chef'],
    ['register-malgrupper', '/register?visa=malgrupper', 'chef'],
  ];
}

export async function settle(page) {
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
    'an event evaluation: the public link at phone width answered by keyboard, the count moving on the staff page',
    async (ctx) => {
      // An activity of today, made through the API; its evaluation is made on the activity page.
      const ref = await (await ctx.api('/api/v1/reference')).json();
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      const framework = ref.goalFrameworks.find((f) => f.validFrom <= today && (f.validTo === null || f.validTo >= today));
      const parents = new Set(ref.areas.map((a) => a.parentId));
      const body = {
        date: today, title: 'FoU-frukost: utvärderas i e2e', goalId: framework.goals[0].id, areaId: ref.areas.find((a) => a.parentId !== null && !parents.has(a.id)).id,
        typeId: ref.activityTypes.find((x) => x.name === 'FoU-frukost').id, format: 'fysiskt', municipalityIds: [ref.municipalities[0].id], staffIds: [ref.staff[0].id],
      };
      const created = await ctx.api('/api/v1/activities', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(created.status, 201, await created.clone().text());
      const activityId = (await created.json()).id;
      ctx.state.evaluationActivityId = activityId;

      const staff = await newPage(ctx);
      await staff.goto(`${ctx.base}/aktiviteter/${activityId}`);
      await settle(staff);
      const section = staff.getByRole('region', { name: 'Utvärdering' });
      await section.getByRole('button', { name: 'Skapa utvärdering' }).click();
      const count = section.getByTestId('evaluation-count');
      await count.filter({ hasText: '0 svar hittills' }).waitFor();
      const href = await section.getByRole('link', { name: /\/svar\// }).getAttribute('href');
      const token = new URL(href).pathname.split('/').pop();
      // base64url: 6 bits a character, so 22 or more characters are at least 128 random bits.
      assert.ok(/^[A-Za-z0-9_-]{22,}$/.test(token), 'the link has at least 128 random bits');
      ctx.state.evaluationToken = token;
      const qr = await ctx.api(`/api/v1/evaluations/${(await (await ctx.api(`/api/v1/activities/${activityId}/evaluation`)).json()).id}/qr?format=png`);
      assert.equal(qr.headers.get('content-type'), 'image/png');

      // The participant: no session, a phone, the keyboard only.
      const phone = await newPage(ctx, PHONE, null);
      await phone.goto(`${ctx.base}/svar/${token}`);
      await phone.getByRole('heading', { name: body.title, level: 1 }).waitFor();
      const axe = await new AxeBuilder({ page: phone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'the answer page passes axe');
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling at 375 px');
      await tabTo(phone, 'input[name="rating"]');
      // Arrows move the choice within a radio group: from 1 to 8.
      for (let i = 0; i < 7; i++) await phone.keyboard.press('ArrowRight');
      await tabTo(phone, 'input[name="useful"]');
      await phone.keyboard.press('Space');
      await tabTo(phone, 'input[name="affects"]');
      await phone.keyboard.press('Space');
      await tabTo(phone, '#answer-comment');
      await phone.keyboard.type('Bra frukost, tack!');
      await tabTo(phone, 'button[type="submit"]');
      await phone.keyboard.press('Enter');
      await phone.getByRole('status').filter({ hasText: 'Tack! Ditt svar är skickat.' }).waitFor();
      await phone.screenshot({ path: path.join(ctx.shots, 'svar-skickat-phone.png'), fullPage: true });
      // The same phone again: asked not to answer twice.
      await phone.reload();
      await phone.getByText('Du har redan svarat').waitFor();

      // The staff page counts it without a reload (it asks every few seconds).
      await count.filter({ hasText: '1 svar hittills' }).waitFor({ timeout: 15_000 });
      const evaluation = await (await ctx.api(`/api/v1/activities/${activityId}/evaluation`)).json();
      assert.equal(evaluation.figures.ratingMean, 8);
      assert.equal(evaluation.figures.useful.helt, 100);
      // A closed or unknown link: a clear page, not an error.
      await phone.goto(`${ctx.base}/svar/${'x'.repeat(27)}`);
      await phone.getByRole('alert').filter({ hasText: 'Utvärderingen finns inte' }).waitFor();
      await phone.context().close();
      await staff.context().close();
    },
  ],
  [
    'registers an activity by keyboard alone (Tab, Space, arrows, Enter)',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/`);
      await settle(page);
      const title = `Nätverksträff e2e ${Date.now()}`;
      await typeActivityBasics(page, title);
      await tabTo(page, '#field-municipalityIds');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-staffIds');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="format"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-participants');
      await page.keyboard.type('14');
      const date = await page.locator('#field-date').inputValue();
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

      // "Registrera en till" keeps the date, type, goal, area, format and staff, clears the title and the
      // participants, and puts the focus on the title, the first thing left to fill in.
      await tabTo(page, 'button.button--primary');
      await page.keyboard.press('Enter');
      await page.locator('#field-title:focus').waitFor();
      assert.equal(await page.locator('#field-title').inputValue(), '');
      assert.equal(await page.locator('#field-participants').inputValue(), '');
      assert.equal(await page.locator('#field-date').inputValue(), date);
      assert.equal(await page.locator('input[name="format"]:checked').count(), 1, 'the format is kept');
      assert.equal(await page.locator('#field-municipalityIds').isChecked(), false, 'who took part is asked again');
      await page.context().close();
    },
  ],
  [
    'warns softly about a client name in the text, saves with "Spara ändå", and the chief sees the count',
    async (ctx) => {
      const countNow = async () => {
        const { items } = await (await ctx.api('/api/v1/activities/text-warning-overrides')).json();
        return items.filter((x) => x.kind === 'client_name').reduce((n, x) => n + x.count, 0);
      };
      const before = await countNow();
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/`);
      await settle(page);
      const title = `Samtal med klienten Anna e2e ${Date.now()}`;
      await typeActivityBasics(page, title);
      await tabTo(page, '#field-municipalityIds');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-staffIds');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="format"]');
      await page.keyboard.press('Space');
      // The warning is already there as a status message, before any save.
      const warning = page.locator('.text-warning-region[role="status"] .text-warning');
      await warning.getByText('”klienten Anna” ser ut som ett namn på en enskild person.', { exact: false }).waitFor();
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      // The first save asks once, with the focus on the question; nothing was saved yet.
      await page.locator('.text-warning:focus').waitFor();
      const found = async () => (await (await ctx.api(`/api/v1/activities?q=${encodeURIComponent(title)}`)).json()).items.length;
      assert.equal(await found(), 0);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), [], 'the warning passes axe');
      await page.screenshot({ path: path.join(ctx.shots, 'registrera-varning-desktop.png'), fullPage: true });
      await warning.getByRole('button', { name: 'Spara ändå' }).click();
      await page.getByRole('status').filter({ hasText: title }).waitFor();
      assert.equal(await found(), 1);
      assert.equal(await countNow(), before + 1, 'the override was counted once');
      await page.goto(`${ctx.base}/register?visa=textvarningar`);
      const section = page.getByRole('region', { name: 'Varningar om klientuppgifter' });
      await section.getByRole('table', { name: 'Sparade trots varning, per år' }).waitFor();
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
      const boxes = page.locator('.chart__canvas');
      assert.equal(await boxes.count() >= 5, true, 'a chart beside each table');
      // A chart is drawn as its box comes near the view (components/Chart.tsx): scroll to each, as a reader would.
      for (const box of await boxes.all()) {
        await box.scrollIntoViewIfNeeded();
        await box.locator('canvas[data-drawn]').waitFor();
      }
      // Printed ("Skriv ut"), the overview is the annual report's tables and the owners' table; the parts below are not.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#owners-heading').isVisible(), true, 'the owners’ table prints');
      assert.equal(await page.locator('#vb-heading').isVisible(), true);
      assert.equal(await page.locator('.overview-extra').isVisible(), false, 'the parts below the owners’ table do not print');
      await page.emulateMedia({ media: 'screen' });
      // The export links answer with real files; the PNG button hands over the chart as an image.
      const vb = page.locator('.vb-section');
      for (const [name, type] of [['Ladda ner CSV', /text\/csv/], ['Ladda ner Excel', /spreadsheetml/]]) {
        const href = await vb.getByRole('link', { name }).getAttribute('href');
        const r = await ctx.api(href);
        assert.equal(r.status, 200, href);
        assert.match(r.headers.get('content-type') ?? '', type);
      }
      // The chart downloads are the server's print drawings: a PNG at least 1600 px wide.
      const [png] = await Promise.all([page.waitForEvent('download'), vb.getByRole('link', { name: /Ladda ner diagrammet \(PNG\)/ }).first().click()]);
      assert.equal(png.suggestedFilename(), 'diagram-verksamhetsområde-2018.png');
      const pngBytes = fs.readFileSync(await png.path());
      assert.ok(pngBytes.readUInt32BE(16) >= 1600, `PNG width ${pngBytes.readUInt32BE(16)}`);
      // The chief downloads the year's Word document; it is a zip whose document has the section and the goals' 101 % note.
      const [docx] = await Promise.all([page.waitForEvent('download'), vb.getByRole('link', { name: 'Ladda ner Word-dokument' }).click()]);
      assert.equal(docx.suggestedFilename(), 'verksamhetsberättelse-2018.docx');
      const docxBytes = fs.readFileSync(await docx.path());
      assert.equal(docxBytes.subarray(0, 2).toString('latin1'), 'PK');
      const documentXml = execFileSync('unzip', ['-p', await docx.path(), 'word/document.xml']).toString('utf8');
      assert.match(documentXml, /Intern uppföljning av VP/);
      assert.match(documentXml, /summerar därför till 101 %/);
      // The rounding that sums to 100 is offered, with its explanation, and changes the goals to add up to 100.
      await page.getByRole('radio', { name: 'Summerar till 100 %' }).check();
      await page.waitForURL(/avrundning=100/);
      await page.waitForFunction(() => [...document.querySelectorAll('table[data-table="resultatmal"] tbody td[data-percent]')].reduce((s, td) => s + Number(td.dataset.percent), 0) === 100);
      // The same content as a print view: each plan item of the year under its goal, the owners' table, the evaluations.
      await page.getByRole('link', { name: 'Verksamhetsberättelsen som utskriftsvy' }).click();
      await page.getByRole('heading', { name: 'Verksamhetsberättelse 2018: utskriftsvy', level: 1 }).waitFor();
      const followup = await (await ctx.api('/api/v1/plan-followup?year=2018')).json();
      await page.locator('.annual-report__item').nth(followup.items.length - 1).waitFor();
      assert.equal(await page.locator('.annual-report__item h4').count(), followup.items.length);
      await page.locator('#owners-heading').waitFor();
      await page.locator('#evaluation-report-heading').waitFor();
      await page.context().close();
    },
  ],
  [
    'the 2018 plan lists the VP 2018 items grouped by goal, with status and progress as the API counts them',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/plan?year=2018&asOf=2018-06-30`);
      await settle(page);
      await page.getByRole('heading', { name: 'Verksamhetsplan 2018', level: 1 }).waitFor();
      const followup = await (await ctx.api(`/api/v1/plan-followup?year=2018&asOf=2018-06-30`)).json();
      const items = await (await ctx.api(`/api/v1/plan-items?year=2018`)).json();
      assert.ok(items.length > 20, 'the demo holds the VP 2018 items');
      await page.locator('.plan-item').first().waitFor();
      assert.equal(await page.locator('.plan-item').count(), items.length);
      const statusLabels = { planerad: 'Planerad', pagar: 'Pågår', genomford: 'Genomförd', delvis_genomford: 'Delvis genomförd', inte_genomford: 'Inte genomförd', framflyttad: 'Framflyttad' };
      const expectedText = (f) => (f.targetCount ? `${f.activityCount} av ${f.targetCount}` : f.activityCount === 1 ? '1 aktivitet' : `${f.activityCount} aktiviteter`);
      for (const title of ['Fältkurs', 'KNUT']) {
        const f = followup.items.find((i) => i.title === title);
        const card = page.locator('.plan-item', { has: page.getByRole('link', { name: title, exact: true }) });
        assert.equal(await card.locator('.status-badge').innerText(), statusLabels[f.status], `${title}: status`);
        assert.equal(await card.locator('.plan-progress__count').innerText(), expectedText(f), `${title}: progress`);
        if (f.targetCount) assert.equal(await card.getByRole('progressbar').getAttribute('aria-valuenow'), String(Math.min(f.activityCount, f.targetCount)));
      }
      // Every flagged item says so in words; no other item does.
      const flagged = followup.items.filter((i) => i.flagged).map((i) => i.title).sort();
      const shown = (await page.locator('.plan-item', { has: page.locator('.plan-flag', { hasText: 'Flaggad för rådet: ingen aktivitet till och med 2018-06-30' }) }).locator('h3').allInnerTexts()).sort();
      assert.deepEqual(shown, flagged);
      // Goal headings follow the API's goal order, and the coverage tables total the year's items.
      const goalHeadings = await page.locator('.plan-goal h2').allInnerTexts();
      assert.deepEqual(goalHeadings, [...new Set(items.map((i) => i.goal.name))]);
      const totalRow = page.locator('[data-table="coverage-goal"] tfoot td');
      assert.deepEqual(await totalRow.allInnerTexts(), [String(items.length), String(items.filter((i) => followup.items.find((f) => f.id === i.id).activityCount > 0).length)]);
      assert.match(await page.getByRole('link', { name: /som CSV/ }).getAttribute('href'), /output=csv/);

      // The goal filter goes into the address and narrows the list to the API's answer.
      const goalKey = items[0].goal.key;
      await page.getByLabel('Mål', { exact: true }).selectOption(goalKey);
      await page.waitForURL(new RegExp(`goal=${goalKey}`));
      const filtered = await (await ctx.api(`/api/v1/plan-items?year=2018&goal=${goalKey}`)).json();
      await page.locator('.plan-goal').first().waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('.plan-item').length === n, filtered.length);
      ctx.state.planItemId = followup.items.find((i) => i.activityCount > 0).id;
      await page.context().close();
    },
  ],
  [
    'a plan item page lists its linked activities; the chief changes status and outcome, and a stale version gets 409 in Swedish',
    async (ctx) => {
      const id = ctx.state.planItemId;
      const linked = await (await ctx.api(`/api/v1/activities?planItem=${id}&limit=500`)).json();
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/plan/${id}`);
      await settle(page);
      const rows = page.locator('.plan-activity-table tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), linked.items.length);
      const first = linked.items[0];
      assert.equal(await page.getByRole('link', { name: first.title, exact: true }).first().getAttribute('href'), `/aktiviteter/${first.id}`);
      // The activity's form offers its year's plan items with this one chosen.
      const form = await newPage(ctx);
      await form.goto(`${ctx.base}/aktiviteter/${first.id}`);
      await settle(form);
      const select = form.getByLabel(/^Punkt i verksamhetsplanen/);
      await select.waitFor();
      assert.equal(await select.inputValue(), String(id));
      await form.context().close();

      const before = await (await ctx.api(`/api/v1/plan-items/${id}`)).json();
      await page.getByLabel(/^Status/).selectOption({ label: 'Delvis genomförd' });
      await page.getByLabel(/^Utfall/).fill('Två av tre träffar hölls.');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }).waitFor();
      const after = await (await ctx.api(`/api/v1/plan-items/${id}`)).json();
      assert.equal(after.status, 'delvis_genomford');
      assert.equal(after.outcome, 'Två av tre träffar hölls.');
      assert.equal(after.version, before.version + 1);
      assert.deepEqual(after.planned, before.planned, 'the fields the page does not edit stay as they were');
      await page.locator('.details .status-badge', { hasText: 'Delvis genomförd' }).waitFor();

      // Someone else saves first.
      const body = {
        year: after.year, title: after.title, goalId: after.goal.id, areaId: after.area.id, planned: after.planned, targetCount: after.targetCount,
        status: 'pagar', outcome: after.outcome, staffIds: after.staff.map((s) => s.id), sortOrder: after.sortOrder, version: after.version,
      };
      const put = await ctx.api(`/api/v1/plan-items/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(put.status, 200);
      await page.getByLabel(/^Mål för antal/).fill('7');
      await page.getByRole('button', { name: 'Spara' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Någon annan har ändrat punkten/);
      await page.getByRole('button', { name: 'Ladda om punkten' }).click();
      await page.getByRole('alert').waitFor({ state: 'detached' });
      assert.equal(await page.getByLabel(/^Status/).inputValue(), 'pagar', 'the reload shows the other person\'s change');
      await page.context().close();
    },
  ],
  [
    'copies the 2018 plan to 2019 after confirming',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/plan?year=2018`);
      await settle(page);
      await page.getByRole('button', { name: 'Kopiera till 2019' }).click();
      const dialog = page.getByRole('dialog', { name: 'Kopiera planen 2018 till 2019?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ja, kopiera' }).click();
      await page.getByRole('status').filter({ hasText: 'kopierade till 2019' }).waitFor();
      const from = await (await ctx.api(`/api/v1/plan-items?year=2018`)).json();
      const to = await (await ctx.api(`/api/v1/plan-items?year=2019`)).json();
      assert.equal(to.length, from.length);
      await page.getByRole('link', { name: 'Visa planen för 2019' }).click();
      await page.getByRole('heading', { name: 'Verksamhetsplan 2019', level: 1 }).waitFor();
      await page.locator('.plan-item').first().waitFor();
      assert.equal(await page.locator('.plan-item').count(), to.length);
      await page.context().close();
    },
  ],
  [
    'the chief adds an item to the 2018 plan by keyboard, then deletes it after confirming',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/plan?year=2018`);
      await settle(page);
      await page.getByRole('link', { name: 'Ny punkt' }).click();
      await page.getByRole('heading', { name: 'Ny punkt i verksamhetsplanen 2018', level: 1 }).waitFor();
      const title = `Temadag om våld i nära relationer ${Date.now()}`;
      await tabTo(page, '#field-title');
      await page.keyboard.type(title);
      await tabTo(page, 'input[name="goalId"]');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, '#field-areaId');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, '#field-planned');
      await page.keyboard.type('En temadag i oktober');
      await tabTo(page, '#field-targetCount');
      await page.keyboard.type('1');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Punkten är tillagd i planen.' }).waitFor();
      const id = Number(new URL(page.url()).pathname.split('/').at(-1));
      const saved = await (await ctx.api(`/api/v1/plan-items/${id}`)).json();
      assert.equal(saved.title, title);
      assert.equal(saved.year, 2018);
      assert.deepEqual(saved.planned, ['En temadag i oktober']);
      assert.equal(saved.targetCount, 1);
      assert.equal(saved.status, 'planerad');

      await page.getByRole('button', { name: 'Ta bort punkten' }).click();
      const dialog = page.getByRole('dialog', { name: `Ta bort ”${title}”?` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
      await page.waitForURL(/\/plan\?year=2018$/);
      await page.getByRole('status').filter({ hasText: 'är borttagen' }).waitFor();
      assert.equal((await ctx.api(`/api/v1/plan-items/${id}`)).status, 404);
      await page.context().close();
    },
  ],
  [
    'the chief ends VP 2024, adds a framework from 2028 with the same goal keys, and the form offers its goals for a 2028 date',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/malramverk`);
      await settle(page);
      const before = await (await ctx.api('/api/v1/goal-frameworks')).json();
      const vp2024 = before.find((f) => f.code === 'vp2024');
      await page.getByRole('button', { name: `Ändra giltighet för ${vp2024.name}` }).click();
      const period = page.getByRole('form', { name: `Ändra giltighet för ${vp2024.name}` });
      await period.getByLabel(/^Gäller till och med/).fill('2027-12-31');
      await period.getByRole('button', { name: 'Spara' }).click();
      await page.getByText('Gäller 2024-01-01 – 2027-12-31').waitFor();

      await page.getByRole('link', { name: 'Nytt målramverk' }).click();
      await page.getByRole('heading', { name: 'Nytt målramverk', level: 1 }).waitFor();
      await page.getByLabel(/^Ramverkets namn/).fill('Resultatmål VP 2028');
      await page.getByLabel(/^Kod/).fill('vp2028');
      await page.getByLabel(/^Gäller från/).fill('2028-01-01');
      await page.getByRole('button', { name: 'Spara ramverket' }).click();
      await page.getByRole('status').filter({ hasText: 'Resultatmål VP 2028 är sparat.' }).waitFor();
      const after = await (await ctx.api('/api/v1/goal-frameworks')).json();
      const vp2028 = after.find((f) => f.code === 'vp2028');
      assert.equal(vp2028.validFrom, '2028-01-01');
      assert.equal(vp2028.validTo, null);
      const keys = (fw) => [...fw.goals].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.key);
      assert.deepEqual(keys(vp2028), keys(vp2024), 'the new framework starts with the goals of the one before');

      // A renamed goal keeps its old name in the history.
      const goal = [...vp2028.goals].sort((a, b) => a.sortOrder - b.sortOrder)[0];
      const section = page.locator('section', { has: page.getByRole('heading', { name: 'Resultatmål VP 2028', level: 2 }) });
      await section.getByRole('button', { name: `Byt namn på ${goal.name}` }).click();
      const rename = section.getByRole('form', { name: `Byt namn på ${goal.name}` });
      await rename.getByLabel(/^Namn/).fill('Kunskapsutveckling för nya verksamheter');
      await rename.getByRole('button', { name: 'Spara' }).click();
      await section.getByText('Målet är ändrat.').waitFor();
      const names = await (await ctx.api(`/api/v1/goals/${goal.id}/names`)).json();
      assert.equal(names.name, 'Kunskapsutveckling för nya verksamheter');
      assert.deepEqual(names.history.map((h) => h.name), [goal.name]);

      // Registering: a 2028 date offers the new framework's goals.
      await page.goto(`${ctx.base}/`);
      await settle(page);
      await page.locator('#field-date').fill('2028-03-01');
      await page.getByText('Mål enligt Resultatmål VP 2028, som gäller på datumet.').waitFor();
      await page.getByLabel('Kunskapsutveckling för nya verksamheter').waitFor();
      await page.context().close();
    },
  ],
  [
    'the chief adds a staff member on the Register page by keyboard, the activity form offers them at once, and after deactivation only their old activities show them',
    async (ctx) => {
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/register`);
      await settle(page);
      const name = 'Maria Ekström';
      await tabTo(page, '#field-medarbetare-name');
      await page.keyboard.type(name);
      await tabTo(page, '#field-medarbetare-title');
      await page.keyboard.type('Utredare');
      await tabTo(page, '#medarbetare button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.locator('#medarbetare').getByRole('status').filter({ hasText: name }).waitFor();
      await page.locator('#medarbetare').getByRole('rowheader', { name }).waitFor();
      const staff = await (await ctx.api('/api/v1/staff')).json();
      const saved = staff.filter((s) => s.name === name);
      assert.equal(saved.length, 1, 'one new staff member in the API');
      assert.equal(saved[0].title, 'Utredare');
      assert.equal(saved[0].active, true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-medarbetare-name', 'the focus is back in the empty form');

      // The same tab goes on to the activity form: the reference data it had cached was refreshed by the change.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registrera', exact: true }).click();
      await page.getByRole('heading', { name: 'Registrera aktivitet', level: 1 }).waitFor();
      const maria = page.getByRole('group', { name: /^Medarbetare/ }).getByRole('checkbox', { name, exact: true });
      await maria.waitFor();

      // She records an activity, by keyboard as in the first scenario, with her own box ticked.
      const title = `Maria Ekströms första aktivitet ${Date.now()}`;
      await typeActivityBasics(page, title);
      await tabTo(page, '#field-municipalityIds');
      await page.keyboard.press('Space');
      await tabTo(page, `#staff-${saved[0].id}`);
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="format"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: title }).waitFor();
      const recorded = (await (await ctx.api(`/api/v1/activities?q=${encodeURIComponent(title)}`)).json()).items;
      assert.equal(recorded.length, 1);
      assert.deepEqual(recorded[0].staff.map((s) => s.name), [name]);

      // Deactivated, she stays in the register, marked in words, and the form no longer offers her.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Register', exact: true }).click();
      const staffSection = page.locator('#medarbetare');
      await staffSection.getByRole('button', { name: `Inaktivera ${name}` }).click();
      await staffSection.getByRole('row', { name: new RegExp(`^${name} Inaktiv`) }).waitFor();
      await staffSection.getByRole('status').filter({ hasText: `”${name}” är inaktiverad` }).waitFor();
      assert.equal((await (await ctx.api('/api/v1/staff')).json()).find((s) => s.name === name).active, false);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registrera', exact: true }).click();
      await page.getByRole('heading', { name: 'Registrera aktivitet', level: 1 }).waitFor();
      const staffGroup = page.getByRole('group', { name: /^Medarbetare/ });
      await staffGroup.getByRole('checkbox').first().waitFor();
      assert.equal(await staffGroup.getByRole('checkbox', { name: new RegExp(name) }).count(), 0);

      // Her old activity still names her, ticked and marked as inactive, and saves unchanged.
      await page.goto(`${ctx.base}/aktiviteter/${recorded[0].id}`);
      await settle(page);
      const kept = page.getByRole('group', { name: /^Medarbetare/ }).getByRole('checkbox', { name: `${name} (inaktiv)`, exact: true });
      assert.equal(await kept.isChecked(), true);
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').filter({ hasText: 'Ändringarna' }).waitFor();
      const after = await (await ctx.api(`/api/v1/activities/${recorded[0].id}`)).json();
      assert.deepEqual(after.staff.map((s) => s.name), [name]);
      await page.context().close();
    },
  ],
  [
    'a locked year refuses changes to its activities in the form, until the chief unlocks it on the Register page',
    async (ctx) => {
      const before = await (await ctx.api(`/api/v1/activities/${ctx.state.activityId}`)).json();
      const year = before.year;
      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/register?visa=lasta-ar`);
      await settle(page);
      const locks = page.locator('#lasta-ar');
      const lastYear = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) - 1;
      const field = locks.getByLabel(/^År att låsa/);
      assert.equal(await field.inputValue(), String(lastYear), 'last year is suggested');
      await field.fill(String(year));
      await locks.getByRole('button', { name: 'Lås året' }).click();
      const dialog = page.getByRole('dialog', { name: `Lås år ${year}?` });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /Ingen kan sedan lägga till, ändra eller ta bort aktiviteter och planpunkter/);
      assert.deepEqual(await (await ctx.api('/api/v1/period-locks')).json(), [], 'nothing is locked before the confirmation');
      await dialog.getByRole('button', { name: `Ja, lås ${year}` }).click();
      await locks.getByRole('status').filter({ hasText: `År ${year} är låst.` }).waitFor();
      assert.deepEqual((await (await ctx.api('/api/v1/period-locks')).json()).map((l) => l.year), [year]);
      await locks.getByRole('row', { name: new RegExp(`^${year} .*FoU-chef \\(demo\\)`) }).waitFor();

      const form = await newPage(ctx);
      await form.goto(`${ctx.base}/aktiviteter/${before.id}`);
      await settle(form);
      await form.getByRole('button', { name: 'Spara' }).click();
      const alert = form.locator('.error-summary');
      await alert.waitFor();
      assert.match(await alert.innerText(), new RegExp(`År ${year} är låst eftersom verksamhetsberättelsen för ${year} är fastställd`));
      assert.equal(await form.getByRole('button', { name: 'Ladda om aktiviteten' }).count(), 0, 'a lock is no stale version');
      assert.equal((await (await ctx.api(`/api/v1/activities/${before.id}`)).json()).version, before.version, 'nothing saved');

      await locks.getByRole('button', { name: `Lås upp ${year}` }).click();
      const unlock = page.getByRole('dialog', { name: `Lås upp år ${year}?` });
      await unlock.getByRole('button', { name: `Ja, lås upp ${year}` }).click();
      await locks.getByRole('status').filter({ hasText: `År ${year} är upplåst.` }).waitFor();
      assert.deepEqual(await (await ctx.api('/api/v1/period-locks')).json(), []);
      await locks.getByText('Inga år är låsta.').waitFor();

      // Unlocked, the same form saves.
      await form.getByRole('button', { name: 'Spara' }).click();
      await form.getByRole('status').filter({ hasText: 'Ändringarna' }).waitFor();
      assert.equal((await (await ctx.api(`/api/v1/activities/${before.id}`)).json()).version, before.version + 1);
      await form.context().close();
      await page.context().close();
      // 2017's report is adopted and stays locked (no later scenario writes 2017), so the page checks below see a locked year.
      assert.equal((await ctx.api('/api/v1/period-locks/2017', { method: 'PUT' })).status, 200);
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
      assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Aktiviteter', 'Översikt', 'Verksamhetsplan']);
      // The registers are the chief's: the address alone does not open them.
      await page.goto(`${ctx.base}/register`);
      await page.getByRole('alert').filter({ hasText: 'Du har inte behörighet till den här sidan.' }).waitFor();
      assert.equal(await page.locator('main form').count(), 0);
      await page.goto(`${ctx.base}/aktiviteter/${ctx.state.activityId}`);
      await settle(page);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ctx.state.title);
      assert.equal(await page.getByRole('button', { name: 'Spara' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Ta bort', exact: true }).count(), 0);
      assert.equal(await page.locator('form input, form select, form textarea').count(), 0, 'no form to fill in');
      // The plan is readable, with its follow-up, but nothing on it can be changed or copied.
      await page.goto(`${ctx.base}/plan?year=2018`);
      await settle(page);
      await page.locator('.plan-item').first().waitFor();
      assert.equal(await page.getByRole('button', { name: /^Kopiera till/ }).count(), 0);
      await page.goto(`${ctx.base}/plan/${ctx.state.planItemId}`);
      await settle(page);
      await page.locator('.details').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Spara' }).count(), 0);
      assert.equal(await page.locator('main select, main input, main textarea').count(), 0, 'no plan form to fill in');
      await page.context().close();
    },
  ],
  [
    'the council representative for Sigtuna signs in, starts on Sigtuna\'s page and reads what it got',
    async (ctx) => {
      const page = await newPage(ctx, DESKTOP, null);
      await loginByKeyboard(ctx, page, 'rad.sigtuna');
      // The start page of an account linked to a municipality is that municipality's page (last year by default).
      await page.waitForURL(/\/kommun\/sigtuna$/);
      await settle(page);
      const me = await apiSession(ctx.base, 'rad.sigtuna');
      assert.deepEqual(me.me.municipality, { code: 'sigtuna', name: 'Sigtuna' });
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      const year = Number(heading.match(/(\d{4})$/)[1]);
      assert.match(heading, /^Sigtuna: vad kommunen fick \d{4}$/);
      // The page's figures are the API's report for the year; 2018 as the council would choose it.
      await page.getByLabel('År', { exact: true }).selectOption('2018');
      await page.getByRole('heading', { name: 'Sigtuna: vad kommunen fick 2018', level: 1 }).waitFor();
      const report = await (await me('/api/v1/reports/municipality/sigtuna?year=2018')).json();
      assert.ok(report.activities.total > 0 && report.activities.open > 0, 'the demo reached Sigtuna in 2018, also with open offerings');
      assert.equal(report.activities.own + report.activities.shared + report.activities.open, report.activities.total);
      const lead = await page.locator('.lead').first().innerText();
      assert.ok(lead.includes(`deltog i ${report.activities.total} aktiviteter`), lead);
      const table = page.getByRole('region', { name: 'Aktiviteter: bara kommunen, några ägare, alla ägare' });
      assert.equal(await table.getByRole('row', { name: /^Alla ägare/ }).locator('td').first().innerText(), String(report.activities.open));
      await page.getByRole('table', { name: 'Avgift och vad kommunen fick' }).getByText(/^411\s931 kr$/).waitFor();
      // The list links each activity; the nav has the municipality; the council writes nothing.
      const first = report.list[0];
      assert.equal(await page.getByRole('link', { name: first.title, exact: true }).first().getAttribute('href'), `/aktiviteter/${first.id}`);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sigtuna' }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registrera' }).count(), 0);
      assert.match(await page.getByRole('link', { name: /som CSV|CSV/ }).first().getAttribute('href'), /\/reports\/municipality\/sigtuna\?year=2018&output=csv/);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), []);
      assert.ok(year >= 2018);
      // 2023 had evaluated events: what Sigtuna's own staff answered, as the evaluation report counts it.
      await page.getByLabel('År', { exact: true }).selectOption('2023');
      await page.getByRole('heading', { name: 'Sigtuna: vad kommunen fick 2023', level: 1 }).waitFor();
      const evaluations = await (await me('/api/v1/reports/evaluations?year=2023&groupBy=municipality')).json();
      const sigtuna = evaluations.groups.find((g) => g.key === 'sigtuna');
      assert.ok(sigtuna && sigtuna.figures.answers > 0, 'the demo has answers from Sigtuna in 2023');
      const answers = page.getByRole('row', { name: /^Svar från deltagare som arbetar i Sigtuna/ });
      assert.equal((await answers.locator('td').innerText()).replace(/\s/g, ''), String(sigtuna.figures.answers));
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
      assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Register', exact: true }).count(), 0);
      // Only their own box is ticked; the saved activity below shows it was theirs.
      assert.equal(await page.locator('#field-staffIds').locator('xpath=ancestor::fieldset[1]').locator('input:checked').count(), 1);
      const title = `Medarbetarens aktivitet ${Date.now()}`;
      await typeActivityBasics(page, title);
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
    'on a phone the menu folds behind one button that opens it by keyboard, and a chosen page folds it again',
    async (ctx) => {
      const page = await newPage(ctx, PHONE);
      await page.goto(`${ctx.base}/aktiviteter`);
      await settle(page);
      const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
      assert.equal(await nav.isVisible(), false, 'folded at first');
      const header = await page.locator('.site-header').boundingBox();
      assert.ok(header.height < 80, `the folded header is one row (${header.height} px)`);
      await tabTo(page, '.menu-toggle');
      await page.keyboard.press('Enter');
      await nav.waitFor({ state: 'visible' });
      assert.equal(await page.locator('.menu-toggle').getAttribute('aria-expanded'), 'true');
      await page.screenshot({ path: path.join(ctx.shots, 'meny-phone.png') });
      await nav.getByRole('link', { name: 'Verksamhetsplan' }).click();
      await page.waitForURL(/\/plan$/);
      await nav.waitFor({ state: 'hidden' });
      await page.context().close();
    },
  ],
  [
    'a page’s code loads when it is opened: the first load says so inside the layout, a navigation says so at the top, a chunk that cannot be fetched asks for a reload',
    async (ctx) => {
      const page = await newPage(ctx);
      // Slow chunks make the in-between states long enough to see.
      const slow = async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      };
      await page.route(/\/assets\/OverviewPage-[^/]+\.js$/, slow);
      await page.goto(`${ctx.base}/oversikt?year=2018`, { waitUntil: 'commit' });
      const loading = page.locator('main').getByRole('status').filter({ hasText: 'Laddar sidan …' });
      await loading.waitFor();
      // The sign-in check goes on beside the page's code: the menu of the signed-in chief comes while it loads.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
      assert.equal(await loading.isVisible(), true, 'still loading the page when the menu is there');
      await page.locator('canvas[data-drawn]').first().waitFor();
      assert.equal(await page.locator('main').getByText('Laddar sidan …').count(), 0);

      await page.route(/\/assets\/PlanPage-[^/]+\.js$/, slow);
      await page.getByRole('link', { name: 'Verksamhetsplan' }).click();
      await page.locator('.navigation-status').filter({ hasText: 'Laddar sidan …' }).waitFor();
      assert.match(await page.locator('h1').innerText(), /^Översikt/, 'the overview stays until the plan can be shown');
      await page.waitForURL(/\/plan$/);
      await page.locator('.navigation-status:empty').waitFor({ state: 'attached' });

      await page.route(/\/assets\/AccountsPage-[^/]+\.js$/, (route) => route.abort());
      await page.getByRole('link', { name: 'Konton' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Sidan kunde inte hämtas/);
      await alert.getByRole('button', { name: 'Ladda om sidan' }).waitFor();
      await page.context().close();
    },
  ],
  [
    'the install administrator lands on Enheter, creates a unit and its first admin by keyboard; that admin works in the new unit only',
    async (ctx) => {
      const page = await newPage(ctx, DESKTOP, null);
      await loginByKeyboard(ctx, page, 'installation');
      await page.waitForURL(/\/enheter$/);
      await page.getByRole('heading', { name: 'Enheter', level: 1 }).waitFor();
      // The units are listed with counts; the unit pages are not in the menu.
      await page.getByRole('rowheader', { name: 'FoU Södertörn' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Aktiviteter' }).count(), 0);
      const name = `FoU E2E ${Date.now()}`;
      await page.locator('#field-unit-new-name').focus();
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
      await page.keyboard.type('E2E');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Uppsala län');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: `${name} är skapad.` }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
      await row.getByText('Skapa första administratör').click();
      await row.locator('[id^="field-admin-"][id$="-displayName"]').focus();
      await page.keyboard.type('E2E Admin');
      await page.keyboard.press('Tab');
      const username = `e2e.admin.${Date.now()}`;
      await page.keyboard.type(username);
      await page.keyboard.press('Enter');
      const otp = await row.locator('.one-time__password').innerText();
      assert.ok(otp.length >= 12, 'a one-time password is shown once');
      await page.context().close();

      // The new admin changes the password, then sees the new unit's (empty) accounts and its name in the header.
      const admin = await newPage(ctx, DESKTOP, null);
      await admin.goto(`${ctx.base}/logga-in`);
      await admin.locator('#login-username').fill(username);
      await admin.locator('#login-password').fill(otp);
      await admin.keyboard.press('Enter');
      await admin.waitForURL(/\/losenord$/);
      const chosen = 'nya-enhetens-eget-lösen';
      await admin.getByLabel(/^Nuvarande lösenord/).fill(otp);
      await admin.getByLabel(/^Nytt lösenord/).fill(chosen);
      await admin.getByLabel(/^Upprepa/).fill(chosen);
      await admin.getByRole('button', { name: 'Byt lösenord' }).click();
      await admin.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
      await admin.goto(`${ctx.base}/konton`);
      await admin.getByRole('cell', { name: username, exact: true }).waitFor();
      assert.equal(await admin.getByRole('cell', { name: 'chef', exact: true }).count(), 0, 'the first unit’s accounts are not listed');
      await admin.locator('.user-menu__unit', { hasText: name }).waitFor();
      await admin.context().close();
    },
  ],
  [
    'a new unit’s first start: the admin signs in with the one-time password from the log and must choose a new one first',
    async (ctx) => {
      const fresh = await ctx.startApi({ demo: false });
      try {
        const oneTime = fresh.output().match(/engångslösenordet (\S+)/)?.[1];
        assert.ok(oneTime, 'the first start logs the admin’s one-time password');
        const context = await ctx.browser.newContext({ viewport: DESKTOP, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
        const page = await context.newPage();
        page.on('pageerror', (e) => {
          throw e;
        });
        await page.goto(`${fresh.base}/`);
        await page.waitForURL(/\/logga-in$/);
        await page.locator('#login-username:focus').waitFor();
        assert.equal(await page.getByRole('heading', { name: 'Demokonton' }).count(), 0, 'no demo accounts outside demo mode');
        await page.keyboard.type('admin');
        await page.keyboard.press('Tab');
        await page.keyboard.type(oneTime);
        await page.keyboard.press('Enter');
        // Nothing else until the one-time password is replaced: no menu, and every page leads back here.
        await page.waitForURL(/\/losenord$/);
        assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).count(), 0);
        await page.goto(`${fresh.base}/konton`);
        await page.waitForURL(/\/losenord$/);
        const chosen = 'ett-eget-långt-lösenord';
        await page.getByLabel(/^Nuvarande lösenord/).fill(oneTime);
        await page.getByLabel(/^Nytt lösenord/).fill(chosen);
        await page.getByLabel(/^Upprepa/).fill(chosen);
        await page.getByRole('button', { name: 'Byt lösenord' }).click();
        await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
        await page.goto(`${fresh.base}/konton`);
        await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
        // The one-time password is spent; the chosen one works.
        const login = (password) => fetch(`${fresh.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
        assert.equal((await login(oneTime)).status, 401);
        assert.equal((await login(chosen)).status, 200);
        await context.close();
      } finally {
        fresh.stop();
      }
    },
  ],
  [
    'every page’s document, JS and CSS arrive brotli-compressed, and so does every API answer above 1 KB',
    async (ctx) => {
      const problems = [];
      const api = { big: 0, small: 0 };
      for (const [name, url, role] of pages(ctx)) {
        // A new context per page: an empty cache, so every file comes over the network.
        const page = await newPage(ctx, DESKTOP, role);
        const seen = [];
        page.on('response', (r) => seen.push(r));
        await page.goto(`${ctx.base}${url}`);
        await settle(page);
        for (const r of seen) {
          const { pathname } = new URL(r.url());
          if (r.status() !== 200 || !r.url().startsWith(ctx.base)) continue;
          const kind = r.request().resourceType() === 'document' ? 'document' : pathname.endsWith('.js') ? 'js' : pathname.endsWith('.css') ? 'css' : pathname.startsWith('/api/') ? 'api' : null;
          if (!kind) continue;
          const encoding = (await r.allHeaders())['content-encoding'];
          if (kind !== 'api') {
            if (encoding !== 'br') problems.push(`${name}: ${kind} ${pathname} came as ${encoding ?? 'uncompressed'}`);
            continue;
          }
          const size = (await r.body()).length;
          if (size > 1024) {
            api.big++;
            if (encoding !== 'br') problems.push(`${name}: ${pathname} (${size} B) came as ${encoding ?? 'uncompressed'}`);
          } else {
            api.small++;
            if (encoding) problems.push(`${name}: ${pathname} (${size} B, under 1 KB) came as ${encoding}`);
          }
        }
        await page.context().close();
      }
      assert.deepEqual(problems, []);
      assert.ok(api.big > 0 && api.small > 0, `API answers seen above and below 1 KB: ${JSON.stringify(api)}`);
    },
  ],
  [
    'the chief turns on sharing by keyboard on the unit settings page; the regional comparison then shows charts with their tables, years to choose and downloads',
    async (ctx) => {
      const page = await newPage(ctx);
      // The demo's two units share from the start: the chief first stops sharing, so the reciprocity shows.
      await page.goto(`${ctx.base}/enhet`);
      await settle(page);
      if (await page.locator('#unit-shares').isChecked()) {
        await page.locator('#unit-shares').uncheck();
        // The page also has the evaluation questions' form: the sharing choice's own button.
        await page.getByRole('region', { name: 'Regional jämförelse' }).locator('button[type="submit"]').click();
        await page.locator('.confirmation', { hasText: 'Inställningen är sparad.' }).waitFor();
      }
      await page.goto(`${ctx.base}/region`);
      await settle(page);
      // Reciprocity: a unit that does not share sees nobody's figures, and is told where to change that.
      await page.getByText('Din enhet delar inte sina siffror').waitFor();
      await page.getByRole('link', { name: 'Ändra det under Enhetens inställningar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Enhetens inställningar' }).waitFor();
      await page.getByText('Ingen annan ser någonsin en enskild aktivitet').waitFor();
      await tabTo(page, '#unit-shares');
      await page.keyboard.press('Space');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.locator('.confirmation:focus', { hasText: 'Inställningen är sparad.' }).waitFor();
      const settings = await (await ctx.api('/api/v1/unit/settings')).json();
      assert.equal(settings.sharesComparison, true);

      await page.goto(`${ctx.base}/region`);
      await settle(page);
      await page.getByText('Du ser jämförelsen eftersom din enhet delar sina siffror').waitFor();
      const api = await (await ctx.api('/api/v1/region/comparison')).json();
      assert.ok(api.units.some((u) => u.id === settings.id), 'the unit is in its own comparison');
      // Each measure: a chart and, beside it, a table; the activities table reads as the API counts.
      for (const id of ['aktiviteter', 'resultatmal', 'verksamhetsomrade', 'kommuner', 'deltagare']) {
        await page.locator(`[data-table="${id}"]`).waitFor();
      }
      assert.equal(await page.locator('.chart__canvas').count(), 5);
      const own = api.rows.filter((r) => r.unitId === settings.id);
      const cells = await page.locator('[data-table="aktiviteter"] tbody tr').first().locator('td').allInnerTexts();
      assert.deepEqual(cells.map((c) => Number(c.replace(/\s/g, ''))), own.map((r) => r.activities));
      // A narrower range by keyboard, and the page follows it.
      // The years are listed newest first: the option above is the next year.
      await page.locator('#region-from').focus();
      await page.keyboard.press('ArrowUp');
      await page.waitForURL(/from=/);
      await page.locator('[data-table="aktiviteter"] thead th').nth(1).filter({ hasText: String(api.from + 1) }).waitFor();
      const csv = await ctx.api(`/api/v1/region/comparison?from=${api.from}&to=${api.to}&output=csv`);
      assert.equal(csv.status, 200);
      assert.match(await page.getByRole('link', { name: /Ladda ner CSV/ }).getAttribute('href'), /output=csv/);
      await page.context().close();

      const phone = await newPage(ctx, PHONE);
      await phone.goto(`${ctx.base}/region`);
      await settle(phone);
      await phone.locator('[data-table="resultatmal"]').waitFor();
      const wide = await phone.evaluate(() =>
        [...document.querySelectorAll('.table-wrap')].map((el) => ({
          overflows: el.scrollWidth > el.clientWidth + 1,
          wide: el.classList.contains('table-wrap--wide'),
          hint: el.previousElementSibling?.classList.contains('scroll-hint') ?? false,
        })),
      );
      assert.deepEqual(wide.filter((b) => b.overflows && !(b.wide && b.hint)), [], 'a table wider than the phone says it scrolls');
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), 'the page itself does not scroll sideways');
      await phone.context().close();
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
