import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, setUnauthorizedHandler, unwrap, type DemoAccount, type Me, type SessionState, type UserCreate, type UserUpdate } from './client.ts';
import { arrivedEarly, takeEarly } from './early.ts';

export const authKeys = { me: ['auth', 'me'] as const, demo: ['auth', 'demo-accounts'] as const, users: ['users'] as const };

/**
 * The signed-in account, or null when nobody is. Asked through /auth/session, which answers 200 either way:
 * the login page then logs no failed request in the console on every visit.
 */
export function useMe() {
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (qc.getQueryData(authKeys.me) !== null) qc.setQueryData(authKeys.me, null);
    });
  }, [qc]);
  const q = useQuery({
    queryKey: authKeys.me,
    queryFn: async (): Promise<Me | null> => {
      const state = await takeEarly('/api/v1/auth/session', async () => unwrap(await api.GET('/api/v1/auth/session')));
      return state.signedIn ? state.me : null;
    },
    initialData: () => {
      const state = arrivedEarly<SessionState>('/api/v1/auth/session');
      return state === undefined ? undefined : state.signedIn ? state.me : null;
    },
    staleTime: Infinity,
    retry: false,
  });
  setCsrfToken(q.data?.csrfToken ?? null);
  return q;
}

/** Signing in or out starts from a clean cache, so one account never sees another's answers. */
function startFresh(qc: ReturnType<typeof useQueryClient>, me: Me | null) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  setCsrfToken(me?.csrfToken ?? null);
  qc.setQueryData(authKeys.me, me);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => unwrap(await api.POST('/api/v1/auth/login', { body })),
    onSuccess: (me) => startFresh(qc, me),
  });
}

/** Ends the session; the caller then loads the login page afresh, which drops every cached answer with it. */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/v1/auth/logout');
      // An expired session is as logged out as it gets.
      if (r.response.status !== 401) unwrap(r);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => unwrap(await api.POST('/api/v1/auth/password', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me }),
  });
}

/** The demo accounts, or an empty list outside demo mode (the API answers 404 there). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: authKeys.demo,
    queryFn: () =>
      takeEarly(
        '/api/v1/auth/demo-accounts',
        async () => {
          const r = await api.GET('/api/v1/auth/demo-accounts');
          if (r.response.status === 404) return [];
          return unwrap(r);
        },
        (status, body) => (status === 404 ? [] : status === 200 ? (body as DemoAccount[]) : undefined),
      ),
    staleTime: Infinity,
    retry: false,
  });
}

export function useUsers(enabled = true) {
  return useQuery({ queryKey: authKeys.users, queryFn: async () => unwrap(await api.GET('/api/v1/users')), enabled });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserCreate) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.users }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: UserUpdate }) => unwrap(await api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.users }),
  });
}

