import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEarlyRequests } from './early-requests.ts';
import { overviewReportPaths } from './overview-report-paths.ts';
import { pagePaths } from './page-paths.ts';
import { arrivedEarly, takeEarly } from '../api/early.ts';

/** fetch as the boot script sees it: each call waits until the test answers it. */
function fakeFetch() {
  const calls: { url: string; answer: (status: number, body: unknown) => void }[] = [];
  const fetch = vi.fn((url: string) => new Promise((resolve) => {
    calls.push({ url, answer: (status, body) => resolve({ status, json: () => Promise.resolve(body) }) });
  }));
  const answer = (url: string, status: number, body: unknown) => {
    const call = calls.find((c) => c.url === url);
    if (!call) throw new Error(`not asked: ${url} (asked: ${calls.map((c) => c.url).join(', ')})`);
    call.answer(status, body);
  };
  return { fetch, urls: () => calls.map((c) => c.url), answer };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const SESSION = '/api/v1/auth/session';
const YEARS = '/api/v1/reports/years';
// The overview's first five reports for 2018, written out: the trend runs from 2016, the first year the pages offer.
const REPORTS_2018 = [
  '/api/v1/reports/vb/2018?rounding=halfUp&lang=sv',
  '/api/v1/reports/owners?year=2018&lang=sv',
  '/api/v1/reports/crosstab?rows=goal&cols=areaGroup&year=2018&percent=row&rounding=halfUp&lang=sv',
  '/api/v1/reports/reach?year=2018&lang=sv',
  '/api/v1/reports/trend?dimension=goal&fromYear=2016&toYear=2018&rounding=halfUp&lang=sv',
];

describe('the boot script', () => {
  let f: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    f = fakeFetch();
    vi.stubGlobal('fetch', f.fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.cookie = 'fou_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    localStorage.removeItem('fou.lang');
    document.head.querySelectorAll('link[rel=modulepreload]').forEach((l) => l.remove());
    window.history.replaceState({}, '', '/');
  });

  it('with the signed-in marker asks for the years beside the session, then the opening year\'s reports', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({ pages: { '/oversikt': ['/assets/OverviewPage.js'] }, english: ['/assets/messages.en.js'] }, overviewReportPaths, pagePaths);
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS]);
    expect([...document.head.querySelectorAll('link[rel=modulepreload]')].map((l) => l.getAttribute('href'))).toEqual(['/assets/OverviewPage.js']);
    f.answer(YEARS, 200, { years: [{ year: 2018, activities: 312, planItems: 36 }], opensOn: { overview: 2018, plan: 2018 } });
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS, ...REPORTS_2018]);
    // The app takes the answer by the address its hook asks for, and does not ask again.
    f.answer(REPORTS_2018[0]!, 200, { activityCount: 312 });
    const ask = vi.fn(async () => ({ activityCount: -1 }));
    await expect(takeEarly(overviewReportPaths().vb(2018, 'halfUp', 'sv'), ask)).resolves.toEqual({ activityCount: 312 });
    expect(ask).not.toHaveBeenCalled();
    // Taken once: the answer is no longer there for a first render to read either.
    expect(arrivedEarly(overviewReportPaths().vb(2018, 'halfUp', 'sv'))).toBeUndefined();
  });

  it('an answer that has arrived is readable at once, for the first render, and then only once', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({ pages: {}, english: [] }, overviewReportPaths, pagePaths);
    await flush();
    expect(arrivedEarly(YEARS)).toBeUndefined();
    f.answer(YEARS, 200, { years: [], opensOn: { overview: 2018, plan: 2018 } });
    await flush();
    // A refusal is not taken: the app's own request then says what went wrong.
    f.answer(SESSION, 401, { message: 'Du är inte inloggad' });
    await flush();
    expect(arrivedEarly(SESSION)).toBeUndefined();
    expect(arrivedEarly(YEARS)).toEqual({ years: [], opensOn: { overview: 2018, plan: 2018 } });
    expect(arrivedEarly(YEARS)).toBeUndefined();
    const ask = vi.fn(async () => 'asked');
    await expect(takeEarly(YEARS, ask)).resolves.toBe('asked');
  });

  it('without the marker waits for the session, and asks nothing more for a signed-out visitor', async () => {
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({ pages: {}, english: ['/assets/messages.en.js'] }, overviewReportPaths, pagePaths);
    await flush();
    expect(f.urls()).toEqual([SESSION]);
    f.answer(SESSION, 200, { signedIn: false });
    await flush();
    expect(f.urls()).toEqual([SESSION]);
  });

  it('without the marker asks once the session says someone is signed in', async () => {
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({ pages: {}, english: ['/assets/messages.en.js'] }, overviewReportPaths, pagePaths);
    f.answer(SESSION, 200, { signedIn: true });
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS]);
  });

  it('asks for the year in the address, the rounding it names and the language chosen before, without the years', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    localStorage.setItem('fou.lang', 'en');
    window.history.replaceState({}, '', '/oversikt?year=2024&avrundning=100');
    startEarlyRequests({ pages: {}, english: ['/assets/messages.en.js'] }, overviewReportPaths, pagePaths);
    await flush();
    // English was chosen: its messages' chunk is preloaded too.
    expect([...document.head.querySelectorAll('link[rel=modulepreload]')].map((l) => l.getAttribute('href'))).toEqual(['/assets/messages.en.js']);
    expect(f.urls()).toEqual([
      SESSION,
      '/api/v1/reports/vb/2024?rounding=largestRemainder&lang=en',
      '/api/v1/reports/owners?year=2024&lang=en',
      '/api/v1/reports/crosstab?rows=goal&cols=areaGroup&year=2024&percent=row&rounding=largestRemainder&lang=en',
      '/api/v1/reports/reach?year=2024&lang=en',
      '/api/v1/reports/trend?dimension=goal&fromYear=2016&toYear=2024&rounding=largestRemainder&lang=en',
    ]);
  });

  it('on the plan asks for the register names, then the opening year\'s items and follow-up as the page will', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T12:00:00Z') });
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/plan');
    startEarlyRequests({ pages: {}, english: [] }, overviewReportPaths, pagePaths);
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS, '/api/v1/reference']);
    f.answer(YEARS, 200, { years: [], opensOn: { overview: 2025, plan: 2026 } });
    await flush();
    // The current year is counted up to today; written out, not taken from the page's rule.
    expect(f.urls().slice(3)).toEqual(['/api/v1/plan-items?year=2026', '/api/v1/plan-followup?year=2026&asOf=2026-12-02']);
    vi.useRealTimers();
  });

  it('on the plan with a year in the address asks for that year (the whole year once it is over); with a filter, for neither', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/plan?year=2018');
    startEarlyRequests({ pages: {}, english: [] }, overviewReportPaths, pagePaths);
    await flush();
    expect(f.urls()).toEqual([SESSION, '/api/v1/reference', '/api/v1/plan-items?year=2018', '/api/v1/plan-followup?year=2018&asOf=2018-12-31']);
    const g = fakeFetch();
    vi.stubGlobal('fetch', g.fetch);
    window.history.replaceState({}, '', '/plan?year=2018&goal=spridning');
    startEarlyRequests({ pages: {}, english: [] }, overviewReportPaths, pagePaths);
    await flush();
    expect(g.urls()).toEqual([SESSION, '/api/v1/reference']);
  });

  it('on the activity list asks for the register names and the first page, unless the address filters it', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/aktiviteter');
    startEarlyRequests({ pages: {}, english: [] }, overviewReportPaths, pagePaths);
    await flush();
    expect(f.urls()).toEqual([SESSION, '/api/v1/reference', '/api/v1/activities?order=desc&limit=50&withTotal=true']);
    const g = fakeFetch();
    vi.stubGlobal('fetch', g.fetch);
    window.history.replaceState({}, '', '/aktiviteter?year=2018');
    startEarlyRequests({ pages: {}, english: [] }, overviewReportPaths, pagePaths);
    await flush();
    expect(g.urls()).toEqual([SESSION, '/api/v1/reference']);
  });

  it('asks for no reports when the years cannot be had (a stale marker: 401)', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({ pages: {}, english: ['/assets/messages.en.js'] }, overviewReportPaths, pagePaths);
    await flush();
    f.answer(YEARS, 401, { message: 'Du är inte inloggad' });
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS]);
  });
});
