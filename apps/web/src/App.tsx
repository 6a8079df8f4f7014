import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, Navigate, RouterProvider, type RouteObject } from 'react-router-dom';
import { can } from '@fou/domain';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { RequireAuth, RequirePermission, useSignedIn } from './auth/RequireAuth.tsx';
import { NavigationStatus, PageLoadError, PageLoading } from './components/PageLoading.tsx';
import { useDocumentTitle } from './components/useDocumentTitle.ts';

/**
 * The start page is the form for those who record work; the unit's others start at the list. The install's own
 * accounts have no unit to work in: the install administrator starts at the units, a regional reader at the
 * regional comparison.
 */
function HomePage({ form: Form }: { form: () => ReactNode }) {
  const me = useSignedIn();
  if (me.role === 'installation') return <Navigate to="/enheter" replace />;
  if (me.role === 'region') return <Navigate to="/region" replace />;
  // A council representative linked to an owner municipality starts on its page: what their municipality got.
  if (me.municipality && !can(me.role, 'activity:write')) return <Navigate to={`/kommun/${me.municipality.code}`} replace />;
  return can(me.role, 'activity:write') ? <Form /> : <Navigate to="/aktiviteter" replace />;
}

function NotFound() {
  const { t } = useI18n();
  useDocumentTitle(t.common.notFound);
  return (
    <>
      <h1>{t.common.notFound}</h1>
      <p>
        <Link to="/">{t.common.toStart}</Link>
      </p>
    </>
  );
}

// Every page is its own chunk, fetched when first opened: the login page does not carry the form, nobody
// downloads Chart.js (the overview) or the chief's admin pages just to record an activity, and the first render
// runs only the page's own code. On a first load the boot script (boot/early-requests.ts, built by
// vite.config.ts from PAGE_CHUNKS) has already preloaded the page's chunk beside the app's, so no round trip is
// added. Route-level lazy rather than React.lazy: the router fetches the chunk before it shows the page, so no
// Suspense fallback is drawn, and React's 300 ms hold on content after a fallback never delays a page.
export const routes: RouteObject[] = [
  // The public answer page of an event evaluation: outside the signed-in layout (no menu, no session), for a
  // participant's phone. The API behind it needs no login either.
  {
    path: '/svar/:token',
    HydrateFallback: PageLoading,
    errorElement: <PageLoadError />,
    lazy: async () => ({ Component: (await import('./features/evaluations/PublicAnswerPage.tsx')).PublicAnswerPage }),
  },
  {
    element: (
      <>
        <NavigationStatus />
        <Layout />
      </>
    ),
    children: [
      {
        HydrateFallback: PageLoading,
        errorElement: <PageLoadError />,
        children: [{ path: '/logga-in', lazy: async () => ({ Component: (await import('./pages/LoginPage.tsx')).LoginPage }) }],
      },
      {
        element: <RequireAuth />,
        // On the first load of a lazy page: the layout (and the sign-in check) go on while the page loads.
        HydrateFallback: PageLoading,
        errorElement: <PageLoadError />,
        children: [
          {
            path: '/',
            lazy: async () => {
              const { RegisterPage } = await import('./pages/ActivityFormPage.tsx');
              return { element: <HomePage form={RegisterPage} /> };
            },
          },
          { path: '/aktiviteter', lazy: async () => ({ Component: (await import('./pages/ActivityListPage.tsx')).ActivityListPage }) },
          { path: '/aktiviteter/:id', lazy: async () => ({ Component: (await import('./pages/ActivityFormPage.tsx')).EditPage }) },
          {
            path: '/oversikt',
            lazy: async () => {
              return { Component: (await import('./pages/OverviewPage.tsx')).OverviewPage };
            },
          },
          {
            path: '/kommun/:code',
            lazy: async () => {
              const { MunicipalityPage } = await import('./features/municipality/MunicipalityPage.tsx');
              return { element: <RequirePermission action="report:read"><MunicipalityPage /></RequirePermission> };
            },
          },
          {
            path: '/verksamhetsberattelse/:year',
            lazy: async () => ({ Component: (await import('./features/annual-report/AnnualReportPage.tsx')).AnnualReportPage }),
          },
          { path: '/plan', lazy: async () => ({ Component: (await import('./pages/PlanPage.tsx')).PlanPage }) },
          {
            path: '/plan/ny',
            lazy: async () => {
              const { PlanItemNewPage } = await import('./pages/PlanItemPage.tsx');
              return { element: <RequirePermission action="plan:write"><PlanItemNewPage /></RequirePermission> };
            },
          },
          { path: '/plan/:id', lazy: async () => ({ Component: (await import('./pages/PlanItemPage.tsx')).PlanItemPage }) },
          {
            path: '/malramverk',
            lazy: async () => {
              const { GoalFrameworksPage } = await import('./pages/GoalFrameworksPage.tsx');
              return { element: <RequirePermission action="reference:write"><GoalFrameworksPage /></RequirePermission> };
            },
          },
          {
            path: '/malramverk/nytt',
            lazy: async () => {
              const { NewFrameworkPage } = await import('./pages/GoalFrameworksPage.tsx');
              return { element: <RequirePermission action="reference:write"><NewFrameworkPage /></RequirePermission> };
            },
          },
          { path: '/losenord', lazy: async () => ({ Component: (await import('./pages/PasswordPage.tsx')).PasswordPage }) },
          {
            path: '/konton',
            lazy: async () => {
              const { AccountsPage } = await import('./pages/AccountsPage.tsx');
              return { element: <RequirePermission action="account:manage"><AccountsPage /></RequirePermission> };
            },
          },
          {
            path: '/enheter',
            lazy: async () => {
              const { UnitsPage } = await import('./features/units/UnitsPage.tsx');
              return { element: <RequirePermission action="install:manage"><UnitsPage /></RequirePermission> };
            },
          },
          {
            path: '/register',
            lazy: async () => {
              const { RegistersPage } = await import('./pages/RegistersPage.tsx');
              return { element: <RequirePermission action="reference:write"><RegistersPage /></RequirePermission> };
            },
          },
          {
            path: '/region',
            lazy: async () => {
              const { RegionPage } = await import('./features/region/RegionPage.tsx');
              return { element: <RequirePermission action="region:read"><RegionPage /></RequirePermission> };
            },
          },
          {
            path: '/enhet',
            lazy: async () => {
              const { UnitSettingsPage } = await import('./features/unit-settings/UnitSettingsPage.tsx');
              return { element: <RequirePermission action="unit:settings"><UnitSettingsPage /></RequirePermission> };
            },
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * The browser's router, and a promise that holds until it has the first page's code (its lazy route). main.tsx
 * draws the app only then (and once the boot script's answers are in, capped by a short wait), so the first
 * render is the whole page: drawn before that, the first frame was the menu and "loading" and the page came one
 * render later, a long task on a phone after the first paint (Lighthouse's blocking time) that also held back its
 * largest text. The boot script has usually preloaded the page's chunk and asked for its data beside the app's
 * code, so the wait is short; on a slow line the cap draws the menu first as before.
 */
export function startRouter(): { router: AppRouter; ready: Promise<void> } {
  const router = createBrowserRouter(routes);
  const ready = new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
  return { router, ready };
}

export function App({ router: given }: { router?: AppRouter }) {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(() => given ?? createBrowserRouter(routes));
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
