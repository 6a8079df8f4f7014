import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, RouterProvider, type RouteObject } from 'react-router-dom';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { RegisterPage, EditPage } from './pages/ActivityFormPage.tsx';
import { ActivityListPage } from './pages/ActivityListPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';

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
      { path: '/', element: <RegisterPage /> },
      { path: '/aktiviteter', element: <ActivityListPage /> },
      { path: '/aktiviteter/:id', element: <EditPage /> },
      { path: '/oversikt', element: <OverviewPage /> },
      { path: '*', element: <NotFound /> },
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
