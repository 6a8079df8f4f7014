/** Query hooks for the annual plan (verksamhetsplan) and its follow-up. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type PlanFollowup, type PlanItem, type PlanItemInput, type PlanItemUpdate } from './client.ts';
import { activityKeys } from './queries.ts';
import { arrivedEarly, freshWhenEarly, takeEarly } from './early.ts';
import { pagePaths } from '../boot/page-paths.ts';

// The boot script may already have asked for these (a signed-in first load of /plan): taken by address.
const early = pagePaths();

export interface PlanFilters {
  year: number;
  goal?: string;
  area?: string;
}

/** Only the whole year's list is what the boot script asks for. */
const unfiltered = (f: PlanFilters) => f.goal === undefined && f.area === undefined;

export const planKeys = {
  all: ['plan'] as const,
  lists: () => [...planKeys.all, 'list'] as const,
  list: (filters: PlanFilters) => [...planKeys.lists(), filters] as const,
  followups: () => [...planKeys.all, 'followup'] as const,
  followup: (year: number, asOf: string) => [...planKeys.followups(), year, asOf] as const,
  detail: (id: number) => [...planKeys.all, 'detail', id] as const,
  activities: (id: number) => [...activityKeys.all, 'plan-item', id] as const,
};

export function usePlanItems(filters: PlanFilters, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(filters),
    queryFn: async () => {
      const ask = async () => unwrap(await api.GET('/api/v1/plan-items', { params: { query: filters } }));
      return unfiltered(filters) ? takeEarly(early.items(filters.year), ask) : ask();
    },
    initialData: () => (unfiltered(filters) ? arrivedEarly<PlanItem[]>(early.items(filters.year)) : undefined),
    staleTime: freshWhenEarly(0),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlanFollowup(year: number, asOf: string) {
  return useQuery({
    queryKey: planKeys.followup(year, asOf),
    queryFn: async () => takeEarly(early.followup(year, asOf), async () => unwrap(await api.GET('/api/v1/plan-followup', { params: { query: { year, asOf } } }))),
    initialData: () => arrivedEarly<PlanFollowup>(early.followup(year, asOf)),
    staleTime: freshWhenEarly(0),
    placeholderData: keepPreviousData,
  });
}

export function usePlanItem(id: number | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/plan-items/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

/** A plan item's linked activities, oldest first: all of them, page after page (an item rarely fills one). */
export function usePlanItemActivities(id: number | undefined) {
  return useQuery({
    queryKey: planKeys.activities(id ?? 0),
    queryFn: async () => {
      const all = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(
          await api.GET('/api/v1/activities', { params: { query: { planItem: id!, order: 'asc', limit: 500, ...(cursor ? { cursor } : {}) } } }),
        );
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
    enabled: id !== undefined,
  });
}

export function useUpdatePlanItem(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlanItemUpdate) => unwrap(await api.PUT('/api/v1/plan-items/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      qc.setQueryData(planKeys.detail(id), saved);
      return Promise.all([qc.invalidateQueries({ queryKey: planKeys.lists() }), qc.invalidateQueries({ queryKey: planKeys.followups() })]);
    },
  });
}

export function useCreatePlanItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlanItemInput) => unwrap(await api.POST('/api/v1/plan-items', { body })),
    onSuccess: (saved) => {
      qc.setQueryData(planKeys.detail(saved.id), saved);
      return Promise.all([qc.invalidateQueries({ queryKey: planKeys.lists() }), qc.invalidateQueries({ queryKey: planKeys.followups() })]);
    },
  });
}

export function useDeletePlanItem(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) => {
      unwrap(await api.DELETE('/api/v1/plan-items/{id}', { params: { path: { id }, query: { version } } }));
    },
    onSuccess: () => {
      qc.removeQueries({ queryKey: planKeys.detail(id) });
      // Linked activities lose their link: their cached answers are stale too.
      return Promise.all([qc.invalidateQueries({ queryKey: planKeys.all }), qc.invalidateQueries({ queryKey: activityKeys.all })]);
    },
  });
}

export function useCopyPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { fromYear: number; toYear: number }) => unwrap(await api.POST('/api/v1/plan-items/copy', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}
