/**
 * What the user sees while a page's code is on its way. Pages past the start pages are their own chunks (so the
 * first visit does not pay for Chart.js), and react-router fetches a chunk before it shows the page: on the first
 * load the page's place says so, on a later navigation a status at the top of the window does, and a chunk that
 * cannot be fetched (the tab outlived a new release, the network dropped) asks for a reload instead of leaving a
 * broken page. No Suspense fallback: React holds content back up to 300 ms after one has shown.
 */
import { isRouteErrorResponse, useNavigation, useRouteError } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** In the page's place on the first load, while the layout and the sign-in check carry on beside it. */
export function PageLoading() {
  const { t } = useI18n();
  return <p role="status">{t.common.loadingPage}</p>;
}

/** A live region that is always there (so it is announced) and says something only while a page loads. */
export function NavigationStatus() {
  const { t } = useI18n();
  const loading = useNavigation().state === 'loading';
  return (
    <p role="status" className="navigation-status">
      {loading ? t.common.loadingPage : ''}
    </p>
  );
}

/** What Chromium, Firefox and Safari throw when a dynamic import cannot be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
}

export function PageLoadError() {
  const { t } = useI18n();
  const error = useRouteError();
  // Only a missing chunk is ours to explain; a page's own bug goes on to the router's error page as before.
  if (isRouteErrorResponse(error) || !isChunkLoadError(error)) throw error;
  return (
    <div role="alert">
      <p>{t.common.pageLoadError}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t.common.reload}
        </button>
      </p>
    </div>
  );
}
