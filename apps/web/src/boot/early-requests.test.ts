import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEarlyRequests } from './early-requests.ts';
import { overviewReportPaths } from './overview-report-paths.ts';
import { takeEarly } from '../api/early.ts';

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
// The overview's first four reports for 2018, written out: the trend runs from 2016, the first year the pages offer.
const REPORTS_2018 = [
  '/api/v1/reports/vb/2018?rounding=halfUp&lang=sv',
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
    startEarlyRequests({ '/oversikt': ['/assets/OverviewPage.js'] }, overviewReportPaths);
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
  });

  it('without the marker waits for the session, and asks nothing more for a signed-out visitor', async () => {
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({}, overviewReportPaths);
    await flush();
    expect(f.urls()).toEqual([SESSION]);
    f.answer(SESSION, 200, { signedIn: false });
    await flush();
    expect(f.urls()).toEqual([SESSION]);
  });

  it('without the marker asks once the session says someone is signed in', async () => {
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({}, overviewReportPaths);
    f.answer(SESSION, 200, { signedIn: true });
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS]);
  });

  it('asks for the year in the address, the rounding it names and the language chosen before, without the years', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    localStorage.setItem('fou.lang', 'en');
    window.history.replaceState({}, '', '/oversikt?year=2024&avrundning=100');
    startEarlyRequests({}, overviewReportPaths);
    await flush();
    expect(f.urls()).toEqual([
      SESSION,
      '/api/v1/reports/vb/2024?rounding=largestRemainder&lang=en',
      '/api/v1/reports/crosstab?rows=goal&cols=areaGroup&year=2024&percent=row&rounding=largestRemainder&lang=en',
      '/api/v1/reports/reach?year=2024&lang=en',
      '/api/v1/reports/trend?dimension=goal&fromYear=2016&toYear=2024&rounding=largestRemainder&lang=en',
    ]);
  });

  it('asks for no reports when the years cannot be had (a stale marker: 401)', async () => {
    document.cookie = 'fou_signed_in=1; path=/';
    window.history.replaceState({}, '', '/oversikt');
    startEarlyRequests({}, overviewReportPaths);
    await flush();
    f.answer(YEARS, 401, { message: 'Du är inte inloggad' });
    await flush();
    expect(f.urls()).toEqual([SESSION, YEARS]);
  });
});
