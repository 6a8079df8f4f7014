/**
 * What registering the three usual kinds of activity costs in keystrokes and clicks (see form-effort.mjs for how
 * they are counted). Each kind is recorded twice by the demo medarbetare, as after a day of work: the first on a
 * fresh form, the second right after it through "Registrera en till". The README's table holds the figures.
 */
// Callbacks handed to page.evaluate run in the browser.
/* global window, localStorage, Event */
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { effortCounter, recordActivity } from './form-effort.mjs';
import { DESKTOP, PHONE, loginByKeyboard, newPage, settle } from './scenarios.mjs';

async function axeClean(page, what) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${what} passes axe`);
}

const drafts = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fou.draft')));

const SPRIDNING = /^Stöd till kunskapsspridning/;
const METODSTOD = /^Stöd för systematisk metod- och kvalitetsutveckling/;

/** Per kind: the first activity, then what differs in the second one. */
export const EFFORT_KINDS = [
  {
    kind: 'Seminarium',
    first: {
      date: '2018-03-14', title: 'Lärandeseminarium om systematisk uppföljning, del 1', type: 'Seminarium', goal: SPRIDNING, area: 'Berör hela IFO',
      municipalities: 'Alla', format: 'Fysiskt', participants: '42',
      assignment: 'Lärandeseminarium kring systematisk uppföljning', planItem: 'Lärandeseminarium kring systematisk uppföljning',
    },
    second: { date: '2018-03-28', title: 'Lärandeseminarium om systematisk uppföljning, del 2', participants: '38' },
  },
  {
    kind: 'Nätverksträff',
    first: {
      date: '2018-04-10', title: 'Nätverksträff för BBIC-samordnare, grupp 1', type: 'Nätverksträff', goal: SPRIDNING, area: 'Barn, unga och familj',
      municipalities: ['Solna', 'Sundbyberg', 'Järfälla'], format: 'Digitalt', participants: '9',
      assignment: 'BBIC-samordning', planItem: 'BBIC-samordning',
    },
    second: { title: 'Nätverksträff för BBIC-samordnare, grupp 2', municipalities: ['Sigtuna', 'Upplands-Bro', 'Upplands Väsby'], participants: '7' },
  },
  {
    kind: 'Rapport',
    first: {
      date: '2018-06-01', title: 'Öppna jämförelser 2018: rapport', type: 'Rapport', goal: METODSTOD, area: 'Berör hela IFO',
      municipalities: 'Alla', format: 'Digitalt', participants: '',
      assignment: 'Öppna jämförelser', planItem: 'Öppna jämförelser',
    },
    second: { title: 'Öppna jämförelser 2018: kortversion' },
  },
];

/** Measured on the form before issue #18's changes (commit "e2e: count keystrokes and clicks…"). */
export const EFFORT_BEFORE = {
  Seminarium: { fresh: { keys: 61, clicks: 13 }, another: { keys: 61, clicks: 14 } },
  Nätverksträff: { fresh: { keys: 51, clicks: 15 }, another: { keys: 51, clicks: 16 } },
  Rapport: { fresh: { keys: 39, clicks: 13 }, another: { keys: 43, clicks: 14 } },
};

/** Measured after them: the figures the README gives; a later change of the form may lower them, never raise them. */
export const EFFORT_AFTER = {
  Seminarium: { fresh: { keys: 61, clicks: 11 }, another: { keys: 61, clicks: 6 } },
  Nätverksträff: { fresh: { keys: 51, clicks: 13 }, another: { keys: 43, clicks: 7 } },
  Rapport: { fresh: { keys: 39, clicks: 11 }, another: { keys: 35, clicks: 4 } },
};

export const activityFormScenarios = [
  [
    'registering a seminar, a network meeting and a report, twice each, costs no more keystrokes and clicks than before',
    async (ctx) => {
      let page;
      if (ctx.state.sessions?.medarbetare) page = await newPage(ctx, DESKTOP, 'medarbetare');
      else {
        page = await newPage(ctx, DESKTOP, null);
        await loginByKeyboard(ctx, page, 'medarbetare');
      }
      const c = effortCounter(page);
      const measured = {};
      for (const { kind, first, second } of EFFORT_KINDS) {
        await page.goto(`${ctx.base}/`);
        await settle(page);
        c.reset();
        await recordActivity(page, c, first);
        const fresh = { ...c.count };
        c.reset();
        await c.click(page.getByRole('button', { name: 'Registrera en till' }));
        await recordActivity(page, c, { ...first, ...second });
        measured[kind] = { fresh, another: { ...c.count } };
      }
      console.log(`      effort: ${JSON.stringify(measured)}`);
      for (const { kind } of EFFORT_KINDS) {
        for (const step of ['fresh', 'another']) {
          const now = measured[kind][step];
          for (const [when, figures] of [['before issue #18', EFFORT_BEFORE], ['as measured after it', EFFORT_AFTER]]) {
            const was = figures[kind][step];
            assert.ok(now.keys <= was.keys, `${kind} ${step}: ${now.keys} keystrokes, ${was.keys} ${when}`);
            assert.ok(now.clicks <= was.clicks, `${kind} ${step}: ${now.clicks} clicks, ${was.clicks} ${when}`);
          }
        }
        // What "Registrera en till" keeps is the saving: the second of a kind costs fewer clicks than the first did before.
        assert.ok(measured[kind].another.clicks < EFFORT_BEFORE[kind].another.clicks, `${kind}: "Registrera en till" saves clicks`);
      }
      await page.context().close();
    },
  ],
  [
    'the form warns of a double, says a locked year at once, keeps a draft when the user leaves or reloads, and copies an activity',
    async (ctx) => {
      const ref = await (await ctx.api('/api/v1/reference')).json();
      const day = '2018-10-09';
      const framework = ref.goalFrameworks.find((f) => f.validFrom <= day && (f.validTo === null || f.validTo >= day));
      const title = `Analysseminarium: e2e dubblettkoll ${Date.now()}`;
      const body = {
        date: day, title, goalId: framework.goals[0].id, areaId: ref.areas.find((a) => a.code === 'ifo').id,
        typeId: ref.activityTypes.find((x) => x.name === 'Analysseminarium').id, format: 'fysiskt', municipalityIds: [ref.municipalities[0].id], staffIds: [ref.staff[0].id],
      };
      const created = await ctx.api('/api/v1/activities', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(created.status, 201, await created.clone().text());
      const original = await created.json();
      // 2017's report is adopted (idempotent: the locked-year scenario leaves it locked too).
      assert.equal((await ctx.api('/api/v1/period-locks/2017', { method: 'PUT' })).status, 200);

      const page = await newPage(ctx);
      await page.goto(`${ctx.base}/`);
      await settle(page);
      const form = page.locator('form.activity-form');
      // The same seminar typed again, in other case and punctuation: a warning with a link to the first, not a refusal.
      await form.locator('#field-date').fill(day);
      await form.locator('#field-title').fill(title.toUpperCase().replace(':', ' –'));
      const double = form.locator('.double-warning');
      await double.getByRole('link', { name: title }).waitFor();
      assert.equal(await double.getByRole('link', { name: title }).getAttribute('href'), `/aktiviteter/${original.id}`);
      await axeClean(page, 'the form with a double warning');
      await page.screenshot({ path: path.join(ctx.shots, 'registrera-dubblett-desktop.png'), fullPage: true });

      // Leaving mid-entry asks first; staying keeps everything, and a draft is already kept in the browser.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
      const leave = page.getByRole('dialog', { name: 'Lämna formuläret?' });
      await leave.waitFor();
      await axeClean(page, 'the leave dialog');
      await leave.getByRole('button', { name: 'Stanna kvar' }).click();
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await form.locator('#field-title').inputValue(), title.toUpperCase().replace(':', ' –'));
      assert.equal((await drafts(page)).length, 1, 'one draft, of this user and unit');
      // A reload or a closed tab is asked about too (the browser's own question, from beforeunload).
      assert.equal(await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      }), true, 'beforeunload asks while the form holds unsaved work');

      // After a reload the draft is offered; going on with it gives the form back as it was.
      page.on('dialog', (d) => void d.accept());
      await page.reload();
      await settle(page);
      const offer = page.locator('.draft-offer');
      await offer.getByRole('button', { name: 'Fortsätt med utkastet' }).waitFor();
      await axeClean(page, 'the draft offer');
      await page.screenshot({ path: path.join(ctx.shots, 'registrera-utkast-desktop.png'), fullPage: true });
      await offer.getByRole('button', { name: 'Fortsätt med utkastet' }).click();
      assert.equal(await form.locator('#field-title').inputValue(), title.toUpperCase().replace(':', ' –'));
      assert.equal(await form.locator('#field-date').inputValue(), day);

      // A date in a locked year says so at once, and who can unlock it; a date before 2000 says what is wrong.
      await form.locator('#field-date').fill('2017-05-05');
      await form.locator('#hint-date').getByText('År 2017 är låst eftersom verksamhetsberättelsen för 2017 är fastställd.', { exact: false }).waitFor();
      assert.match(await form.locator('#hint-date').innerText(), /Du kan låsa upp året på sidan Register/);
      await form.locator('#field-date').fill('1899-01-01');
      await form.getByRole('button', { name: 'Spara', exact: true }).click();
      await page.locator('.error-summary').getByText('Datum: Datumet ligger före 1 januari 2000, det tidigaste som går att registrera.').waitFor();

      // Leaving for real keeps the draft until it is discarded.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
      await leave.getByRole('button', { name: 'Lämna formuläret' }).click();
      await page.waitForURL(/\/aktiviteter/);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registrera', exact: true }).click();
      await offer.getByRole('button', { name: 'Släng utkastet' }).click();
      assert.equal(await form.locator('#field-title').inputValue(), '');
      assert.deepEqual(await drafts(page), []);

      // "Kopiera" on the activity: a new form with its title and choices, dated today, nothing saved yet.
      const before = (await (await ctx.api(`/api/v1/activities?q=${encodeURIComponent(title)}`)).json()).items.length;
      await page.goto(`${ctx.base}/aktiviteter/${original.id}`);
      await settle(page);
      await page.getByRole('link', { name: `Kopiera: ${title}` }).click();
      await page.waitForURL(new RegExp(`/\\?kopia=${original.id}$`));
      await form.locator('#field-title').waitFor();
      assert.equal(await form.locator('#field-title').inputValue(), title);
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      assert.equal(await form.locator('#field-date').inputValue(), today);
      assert.equal(await form.getByRole('radio', { name: 'Fysiskt', exact: true }).isChecked(), true);
      assert.equal((await (await ctx.api(`/api/v1/activities?q=${encodeURIComponent(title)}`)).json()).items.length, before, 'a copy is not saved by opening it');
      await page.screenshot({ path: path.join(ctx.shots, 'registrera-kopia-desktop.png'), fullPage: true });
      await page.context().close();

      // The form with its new hints at 320 px: no sideways scrolling.
      const phone = await newPage(ctx, { ...PHONE, width: 320 });
      await phone.goto(`${ctx.base}/`);
      await settle(phone);
      await phone.locator('#field-date').fill('2018-03-14');
      await phone.locator('#field-planItemId').waitFor();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling at 320 px');
      await phone.screenshot({ path: path.join(ctx.shots, 'registrera-2018-phone.png'), fullPage: true });
      await phone.context().close();
    },
  ],
];
