import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ActivityInput, type ActivityListQuery, type ActivityUpdate } from './client.ts';

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit' | 'withTotal'>;

export const referenceKeys = { all: ['reference'] as const };

export const activityKeys = {
  all: ['activities'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (filters: ActivityFilters) => [...activityKeys.lists(), filters] as const,
  recent: () => [...activityKeys.all, 'recent'] as const,
  detail: (id: number) => [...activityKeys.all, 'detail', id] as const,
};

export function useReference() {
  return useQuery({
    queryKey: referenceKeys.all,
    queryFn: async () => unwrap(await api.GET('/api/v1/reference')),
    // Reference data changes a few times a year.
    staleTime: 10 * 60_000,
  });
}

export const PAGE_SIZE = 50;

export function useActivityList(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/activities', {
          params: { query: { ...filters, limit: PAGE_SIZE, withTotal: pageParam ? 'false' : 'true', ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The latest activities, for suggesting a goal from the chosen type. */
export function useRecentActivities() {
  return useQuery({
    queryKey: activityKeys.recent(),
    queryFn: async () => unwrap(await api.GET('/api/v1/activities', { params: { query: { order: 'desc', limit: 500 } } })).items,
    staleTime: 5 * 60_000,
  });
}

export function useActivity(id: number | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/activities/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ActivityInput) => unwrap(await api.POST('/api/v1/activities', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

export function useUpdateActivity(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ActivityUpdate) => unwrap(await api.PUT('/api/v1/activities/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      qc.setQueryData(activityKeys.detail(id), saved);
      return qc.invalidateQueries({ queryKey: activityKeys.lists() });
    },
  });
}

export function useDeleteActivity(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) => {
      const r = await api.DELETE('/api/v1/activities/{id}', { params: { path: { id }, query: { version } } });
      unwrap(r);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}
