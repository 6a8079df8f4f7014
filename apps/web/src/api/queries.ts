import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../i18n/messages.ts';
import { api, ApiCallError, unwrap, type ActivityInput, type ActivityListQuery, type ActivityPage, type ActivityUpdate, type ReferenceData } from './client.ts';
import { arrivedEarly, freshWhenEarly, takeEarly } from './early.ts';
import { pagePaths } from '../boot/page-paths.ts';

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit' | 'withTotal'>;

/** The file of every activity the filters leave (not only the pages loaded), with every column. */
/** The list as a file, in the chosen language (headings, formats, the registers' English names). */
export function activityExportUrl(f: ActivityFilters, output: 'csv' | 'xlsx', lang: Lang = 'sv'): string {
  const q = new URLSearchParams(Object.entries({ ...f, output, lang }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  return `/api/v1/activities/export?${q}`;
}

export const referenceKeys = { all: ['reference'] as const };

export const activityKeys = {
  all: ['activities'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (filters: ActivityFilters) => [...activityKeys.lists(), filters] as const,
  goalSuggestions: () => [...activityKeys.all, 'goal-suggestions'] as const,
  detail: (id: number) => [...activityKeys.all, 'detail', id] as const,
};

export function useReference() {
  return useQuery({
    queryKey: referenceKeys.all,
    queryFn: async () => takeEarly('/api/v1/reference', async () => unwrap(await api.GET('/api/v1/reference'))),
    initialData: () => arrivedEarly<ReferenceData>('/api/v1/reference'),
    // Reference data changes a few times a year.
    staleTime: 10 * 60_000,
  });
}

export const PAGE_SIZE = 50;

/**
 * The list's first page as a first load of /aktiviteter without filters asks for it: the boot script asks for it
 * before the app's code has arrived (the address as the API client writes it).
 */
export const FIRST_LIST_PAGE = pagePaths().activitiesFirstPage(PAGE_SIZE);
const isFirstListPage = (f: ActivityFilters) => Object.keys(f).length === 1 && f.order === 'desc';

export function useActivityList(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    queryFn: async ({ pageParam }) => {
      const ask = async () =>
        unwrap(
          await api.GET('/api/v1/activities', {
            params: { query: { ...filters, limit: PAGE_SIZE, withTotal: pageParam ? 'false' : 'true', ...(pageParam ? { cursor: pageParam } : {}) } },
          }),
        );
      return !pageParam && isFirstListPage(filters) ? takeEarly(FIRST_LIST_PAGE, ask) : ask();
    },
    initialData: () => {
      const first = isFirstListPage(filters) ? arrivedEarly<ActivityPage>(FIRST_LIST_PAGE) : undefined;
      return first ? { pages: [first], pageParams: [''] } : undefined;
    },
    staleTime: freshWhenEarly(0),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * The goal to suggest per activity type, counted by the API over the latest activities: a few hundred bytes
 * instead of the activities themselves. Only for a form that is shown (a reader gets 403 here).
 */
export function useGoalSuggestions(enabled = true) {
  return useQuery({
    queryKey: activityKeys.goalSuggestions(),
    queryFn: async () => unwrap(await api.GET('/api/v1/activities/goal-suggestions')).items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useActivity(id: number | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/activities/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
    // A 404 will not change by asking again; the page says at once that the activity does not exist.
    retry: (failures, err) => !(err instanceof ApiCallError && err.status === 404) && failures < 1,
  });
}

/**
 * What a saved or deleted activity changes: the activity lists, and every figure counted from activities (the
 * reports and the plan's follow-up, keyed under 'reports' and 'plan'), so a page opened next shows it even
 * within those answers' staleTime.
 */
function activitiesChanged(qc: ReturnType<typeof useQueryClient>, which: readonly unknown[] = activityKeys.all) {
  return Promise.all([qc.invalidateQueries({ queryKey: which }), qc.invalidateQueries({ queryKey: ['reports'] }), qc.invalidateQueries({ queryKey: ['plan'] })]);
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ActivityInput) => unwrap(await api.POST('/api/v1/activities', { body })),
    onSuccess: () => activitiesChanged(qc),
  });
}

export function useUpdateActivity(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ActivityUpdate) => unwrap(await api.PUT('/api/v1/activities/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      qc.setQueryData(activityKeys.detail(id), saved);
      return activitiesChanged(qc, activityKeys.lists());
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
    onSuccess: () => activitiesChanged(qc),
  });
}
