import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { makeQueryClient } from '../App.tsx';
import { authKeys } from '../api/auth-queries.ts';
import type { Me, Role } from '../api/client.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';

export function meAs(role: Role, staffId: number | null = null): Me {
  return { user: { id: 1, username: `test-${role}`, displayName: `Test ${role}` }, role, staffId, mustChangePassword: false, csrfToken: 'csrf',
    unit: role === 'installation' || role === 'region' ? null : { id: 1, name: 'FoU Nordväst', shortName: 'Nordväst' }, municipality: null };
}

/** The providers of the app with `me` already known, so nothing asks the API who is signed in. */
export function Providers({ me, children }: { me: Me | null; children: ReactNode }) {
  const qc = makeQueryClient();
  qc.setQueryData(authKeys.me, me);
  return (
    <I18nProvider>
      <QueryClientProvider client={qc}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}
