/** The install administrator's calls: units, a unit's first admin, the install's own accounts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

export type Unit = paths['/api/v1/units']['get']['responses'][200]['content']['application/json'][number];
export type UnitCreate = paths['/api/v1/units']['post']['requestBody']['content']['application/json'];
export type UnitUpdate = paths['/api/v1/units/{id}']['patch']['requestBody']['content']['application/json'];
export type InstallAccount = paths['/api/v1/install/accounts']['get']['responses'][200]['content']['application/json'][number];
export type InstallAccountCreate = paths['/api/v1/install/accounts']['post']['requestBody']['content']['application/json'];
export type InstallAccountUpdate = paths['/api/v1/install/accounts/{id}']['patch']['requestBody']['content']['application/json'];

export const unitKeys = { units: ['install', 'units'] as const, accounts: ['install', 'accounts'] as const };

// The page's sections mount once the lists are in and ask for them too; fresh for a while, they are not asked for
// again (every change invalidates them).
const fresh = 60_000;

export function useUnits() {
  return useQuery({ queryKey: unitKeys.units, queryFn: async () => unwrap(await api.GET('/api/v1/units')), staleTime: fresh });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: UnitCreate) => unwrap(await api.POST('/api/v1/units', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.units }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: UnitUpdate }) => unwrap(await api.PATCH('/api/v1/units/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.units }),
  });
}

export function useCreateUnitAdmin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: { username: string; displayName: string } }) =>
      unwrap(await api.POST('/api/v1/units/{id}/admins', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.units }),
  });
}

export function useInstallAccounts() {
  return useQuery({ queryKey: unitKeys.accounts, queryFn: async () => unwrap(await api.GET('/api/v1/install/accounts')), staleTime: fresh });
}

export function useCreateInstallAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: InstallAccountCreate) => unwrap(await api.POST('/api/v1/install/accounts', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.accounts }),
  });
}

export function useUpdateInstallAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: InstallAccountUpdate }) =>
      unwrap(await api.PATCH('/api/v1/install/accounts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.accounts }),
  });
}
