/** The API's possible doubles of an activity being filled in: same date, same title once folded. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { titleKey } from '@fou/domain';
import { api, unwrap } from '../../api/client.ts';
import { activityKeys } from '../../api/queries.ts';

export type SimilarActivity = Awaited<ReturnType<typeof fetchSimilar>>[number];

// Under the activities' key: saving an activity invalidates it, so a second save of the same title is seen.
export const similarKeys = {
  all: () => [...activityKeys.all, 'similar'] as const,
  of: (date: string, title: string, excludeId: number | undefined) => [...similarKeys.all(), date, titleKey(title), excludeId ?? null] as const,
};

async function fetchSimilar(date: string, title: string, excludeId: number | undefined) {
  const query = { date, title, ...(excludeId === undefined ? {} : { excludeId }) };
  return unwrap(await api.GET('/api/v1/activities/similar', { params: { query } })).items;
}

const options = (date: string, title: string, excludeId: number | undefined) => ({
  queryKey: similarKeys.of(date, title, excludeId),
  queryFn: () => fetchSimilar(date, title, excludeId),
  staleTime: 30_000,
});

export function useSimilarActivities(date: string, title: string, excludeId: number | undefined, enabled: boolean) {
  return useQuery({ ...options(date, title, excludeId), enabled: enabled && titleKey(title) !== '' });
}

/** For the save: the answer for exactly what is being saved (the warning above may still wait for its pause). */
export function useFetchSimilar() {
  const qc = useQueryClient();
  return async (date: string, title: string, excludeId: number | undefined): Promise<SimilarActivity[]> => {
    if (titleKey(title) === '') return [];
    try {
      // No retries: the save waits for this answer.
      return await qc.fetchQuery({ ...options(date, title, excludeId), retry: false });
    } catch {
      // Only a warning: when the check cannot be made, the save goes on.
      return [];
    }
  };
}
