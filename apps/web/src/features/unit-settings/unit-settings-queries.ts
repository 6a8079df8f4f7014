import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';

export type UnitSettings = components['schemas']['UnitSettings'];

export const unitSettingsKey = ['unit', 'settings'] as const;

export function useUnitSettings(enabled = true) {
  return useQuery({
    queryKey: unitSettingsKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/unit/settings')),
    enabled,
  });
}

export function useSaveUnitSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (sharesComparison: boolean) => unwrap(await api.PUT('/api/v1/unit/settings', { body: { sharesComparison } })),
    onSuccess: (saved) => {
      qc.setQueryData(unitSettingsKey, saved);
      // What the chief sees in the comparison follows the unit's choice.
      void qc.invalidateQueries({ queryKey: ['region'] });
    },
  });
}
