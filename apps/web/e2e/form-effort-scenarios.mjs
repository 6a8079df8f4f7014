/**
 * What registering the three usual kinds of activity costs in keystrokes and clicks (see form-effort.mjs for how
 * they are counted). Each kind is recorded twice by the demo medarbetare, as after a day of work: the first on a
 * fresh form, the second right after it through "Registrera en till". The README's table holds the figures.
 */
import assert from 'node:assert/strict';
import { effortCounter, recordActivity } from './form-effort.mjs';
import { DESKTOP, loginByKeyboard, newPage, settle } from './scenarios.mjs';

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

export const formEffortScenarios = [
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
];
