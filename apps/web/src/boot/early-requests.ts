/**
 * What a page asks for before the app's code has arrived. vite.config.ts builds this function into a small
 * script of its own that index.html loads beside the app's bundle (the CSP allows no inline script): on a phone
 * on a slow line the bundle takes most of a second to arrive and run, and only then did the app ask who is signed
 * in, then which years have data, then the page's chunk and reports, one after the other. Here the session (and,
 * for a signed-in visitor, what the page asks next) are on their way at once, and the page's own chunk is
 * preloaded. The app takes the answers through takeEarly (api/early.ts); whatever is not here or failed it asks
 * for itself as before. Self-contained: it is sent as its own source text, so it may use nothing from outside.
 */
import type { overviewReportPaths } from './overview-report-paths.ts';
import type { pagePaths } from './page-paths.ts';

/** The built files to preload: each first page's chunks, and the English messages' (for who chose English). */
export interface BootChunks {
  pages: Record<string, string[]>;
  english: string[];
}

export function startEarlyRequests(chunks: BootChunks, reportPaths: typeof overviewReportPaths, pages: typeof pagePaths): void {
  type Answer = { status: number; body: unknown } | null;
  const early: Record<string, Promise<Answer>> = {};
  // The answers that have arrived, readable at once: the app's first render draws what is already here.
  const arrived: Record<string, Answer> = {};
  Object.assign(window, { __fouEarly: early, __fouArrived: arrived });
  // Never rejects: a failure is null, and the app then asks again in its own way (with its error handling).
  const get = (url: string): Promise<Answer> =>
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((r) => r.json().then((body: unknown) => (arrived[url] = { status: r.status, body })))
      .catch(() => null);
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const session = get('/api/v1/auth/session');
  early['/api/v1/auth/session'] = session;
  // A signed-out visitor must get no 401 in the console, so a page's data waits for the session's answer, unless
  // the readable marker the sign-in set (fou_signed_in, see the API's session.service.ts) says someone is signed
  // in: then it is asked for at once, beside the session. A stale marker costs one 401, which clears it.
  const marked = document.cookie.split('; ').includes('fou_signed_in=1');
  const signedIn = marked ? Promise.resolve(true) : session.then((s) => (s?.body as { signedIn?: boolean } | undefined)?.signedIn === true);
  const whenSignedIn = (url: string) => {
    early[url] = signedIn.then((yes) => (yes ? get(url) : null));
  };
  // The login page's demo accounts (its largest text): a 404 outside demo mode, which the app takes as none.
  if (path === '/logga-in') early['/api/v1/auth/demo-accounts'] = get('/api/v1/auth/demo-accounts');
  const yearInAddress = new URLSearchParams(location.search).has('year');
  if ((path === '/oversikt' || path === '/plan') && !yearInAddress) whenSignedIn('/api/v1/reports/years');
  // The overview's first five reports, for the year in the address or the one it opens on (the years' answer names
  // it). The boot's handler on the years' answer runs before the app's (it was attached first), so the reports are
  // here by the time the app asks for them.
  if (path === '/oversikt') {
    const search = new URLSearchParams(location.search);
    const p = reportPaths();
    const rounding = p.rounding(search);
    const lang = p.lang();
    const reports = (year: number) => [
      p.vb(year, rounding, lang), p.owners(year, lang), p.crosstab(year, rounding, lang), p.reach(year, lang), p.trend(p.trendFrom(year), year, rounding, lang),
    ];
    if (yearInAddress) {
      const year = Number(search.get('year'));
      if (Number.isInteger(year)) reports(year).forEach(whenSignedIn);
    } else {
      void early['/api/v1/reports/years']!.then((a) => {
        const year = a?.status === 200 ? (a.body as { opensOn?: { overview?: number } }).opensOn?.overview : undefined;
        if (year) for (const url of reports(year)) early[url] = get(url);
      });
    }
  }
  // The register names the form, the list and the plan draw with.
  if (path === '/' || path === '/aktiviteter' || path === '/plan') whenSignedIn('/api/v1/reference');
  // The activity list's first page, when the address names no filter (the list's page size is 50: api/queries.ts).
  if (path === '/aktiviteter' && location.search === '') whenSignedIn(pages().activitiesFirstPage(50));
  // The plan's items and follow-up for its year, as the page asks for them without filters in the address.
  if (path === '/plan') {
    const search = new URLSearchParams(location.search);
    if (!search.has('goal') && !search.has('area') && !search.has('asOf')) {
      const p = pages();
      // Today in Sweden, as the page counts it (packages/domain todayInSweden); should they differ, the page asks itself.
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
      const forYear = (year: number) => [p.items(year), p.followup(year, p.defaultAsOf(year, today))];
      if (yearInAddress) {
        const year = Number(search.get('year'));
        if (Number.isInteger(year)) forYear(year).forEach(whenSignedIn);
      } else {
        void early['/api/v1/reports/years']!.then((a) => {
          const year = a?.status === 200 ? (a.body as { opensOn?: { plan?: number } }).opensOn?.plan : undefined;
          if (year) for (const url of forYear(year)) early[url] = get(url);
        });
      }
    }
  }
  const pattern = path.startsWith('/aktiviteter/') ? '/aktiviteter/:id' : path.startsWith('/svar/') ? '/svar/:token' : undefined;
  const preload = [
    ...(chunks.pages[path] ?? (pattern ? chunks.pages[pattern] : undefined) ?? []),
    // English is a chunk of its own, which the app waits for before its first render when English was chosen.
    ...(reportPaths().lang() === 'en' ? chunks.english : []),
  ];
  for (const href of preload) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
}
