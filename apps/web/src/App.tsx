import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, Navigate, RouterProvider, type RouteObject } from 'react-router-dom';
import { can } from '@fou/domain';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { RegisterPage, EditPage } from './pages/ActivityFormPage.tsx';
import { ActivityListPage } from './pages/ActivityListPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { PasswordPage } from './pages/PasswordPage.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { RegistersPage } from './pages/RegistersPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { PlanItemNewPage, PlanItemPage } from './pages/PlanItemPage.tsx';
import { GoalFrameworksPage, NewFrameworkPage } from './pages/GoalFrameworksPage.tsx';
import { RequireAuth, RequirePermission, useSignedIn } from './auth/RequireAuth.tsx';

/** The start page is the form for those who record work; the others start at the list. */
function HomePage() {
  const me = useSignedIn();
  return can(me.role, 'activity:write') ? <RegisterPage /> : <Navigate to="/aktiviteter" replace />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.common.notFound}</h1>
      <p>
        <Link to="/">{t.common.toStart}</Link>
      </p>
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/logga-in', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/aktiviteter', element: <ActivityListPage /> },
          { path: '/aktiviteter/:id', element: <EditPage /> },
          { path: '/oversikt', element: <OverviewPage /> },
          { path: '/plan', element: <PlanPage /> },
          { path: '/plan/ny', element: <RequirePermission action="plan:write"><PlanItemNewPage /></RequirePermission> },
          { path: '/plan/:id', element: <PlanItemPage /> },
          { path: '/malramverk', element: <RequirePermission action="reference:write"><GoalFrameworksPage /></RequirePermission> },
          { path: '/malramverk/nytt', element: <RequirePermission action="reference:write"><NewFrameworkPage /></RequirePermission> },
          { path: '/losenord', element: <PasswordPage /> },
          { path: '/konton', element: <RequirePermission action="account:manage"><AccountsPage /></RequirePermission> },
          { path: '/register', element: <RequirePermission action="reference:write"><RegistersPage /></RequirePermission> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
