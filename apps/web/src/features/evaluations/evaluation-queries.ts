/** Event evaluations: the staff's queries (signed in) and the public answer page's (no session). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components, paths } from '../../api/schema.d.ts';

export type Evaluation = components['schemas']['Evaluation'];
export type EvaluationFigures = components['schemas']['EvaluationFigures'];
export type EvaluationReport = components['schemas']['EvaluationReport'];
export type PublicEvaluation = components['schemas']['PublicEvaluation'];
export type EvaluationInput = paths['/api/v1/activities/{id}/evaluation']['post']['requestBody']['content']['application/json'];
export type PublicAnswer = paths['/api/v1/public/evaluations/{token}/answers']['post']['requestBody']['content']['application/json'];
export type ReportGroup = NonNullable<NonNullable<paths['/api/v1/reports/evaluations']['get']['parameters']['query']>['groupBy']>;

export const evaluationKeys = {
  all: ['evaluations'] as const,
  ofActivity: (activityId: number) => ['evaluations', 'activity', activityId] as const,
  count: (id: number) => ['evaluations', 'count', id] as const,
  comments: (id: number) => ['evaluations', 'comments', id] as const,
  report: (q: { year?: number; groupBy: ReportGroup; activity?: number }) => ['evaluations', 'report', q.year ?? null, q.groupBy, q.activity ?? null] as const,
  wording: ['evaluations', 'wording'] as const,
  publicPage: (token: string) => ['public-evaluation', token] as const,
};

/** The activity's evaluation, or null when it has none. */
export function useActivityEvaluation(activityId: number) {
  return useQuery({
    queryKey: evaluationKeys.ofActivity(activityId),
    queryFn: async () => unwrap(await api.GET('/api/v1/activities/{id}/evaluation', { params: { path: { id: activityId } } })) ?? null,
  });
}

export function useSaveEvaluation(activityId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id?: number; version?: number; body: EvaluationInput }) =>
      id === undefined
        ? unwrap(await api.POST('/api/v1/activities/{id}/evaluation', { params: { path: { id: activityId } }, body }))
        : unwrap(await api.PUT('/api/v1/evaluations/{id}', { params: { path: { id } }, body: { ...body, version: version! } })),
    onSuccess: (saved) => {
      qc.setQueryData(evaluationKeys.ofActivity(activityId), saved);
      void qc.invalidateQueries({ queryKey: ['evaluations', 'report'] });
    },
  });
}

/** The live answer count: asked every few seconds while the page is open. */
export function useAnswerCount(id: number, live: boolean) {
  return useQuery({
    queryKey: evaluationKeys.count(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/evaluations/{id}/count', { params: { path: { id } } })),
    refetchInterval: live ? 3000 : false,
    refetchIntervalInBackground: false,
  });
}

export function useComments(id: number, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.comments(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/evaluations/{id}/comments', { params: { path: { id } } })),
    enabled,
  });
}

export function useRemoveAnswer(id: number, activityId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (answerId: number) => {
      const r = await api.DELETE('/api/v1/evaluations/{id}/answers/{answerId}', { params: { path: { id, answerId } } });
      if (!r.response.ok) unwrap(r);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: evaluationKeys.comments(id) });
      void qc.invalidateQueries({ queryKey: evaluationKeys.count(id) });
      void qc.invalidateQueries({ queryKey: evaluationKeys.ofActivity(activityId) });
    },
  });
}

export function useEvaluationReport(q: { year?: number; groupBy: ReportGroup; activity?: number }, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.report(q),
    queryFn: async () => {
      const r = unwrap(await api.GET('/api/v1/reports/evaluations', { params: { query: q } }));
      if (typeof r === 'string') throw new Error('Expected JSON');
      return r;
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function evaluationReportFileUrl(q: { year?: number; groupBy: ReportGroup }, output: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ groupBy: q.groupBy, output });
  if (q.year !== undefined) params.set('year', String(q.year));
  return `/api/v1/reports/evaluations?${params}`;
}

export function useWording(enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.wording,
    queryFn: async () => unwrap(await api.GET('/api/v1/evaluation-wording')),
    enabled,
  });
}

export function useSaveWording() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (items: { key: PublicEvaluation['questions'][number]['key']; text: string }[]) =>
      unwrap(await api.PUT('/api/v1/evaluation-wording', { body: { items } })),
    onSuccess: (saved) => qc.setQueryData(evaluationKeys.wording, saved),
  });
}

// ---- the public answer page

export function usePublicEvaluation(token: string) {
  return useQuery({
    queryKey: evaluationKeys.publicPage(token),
    queryFn: async () => unwrap(await api.GET('/api/v1/public/evaluations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export function useSubmitAnswer(token: string) {
  return useMutation({
    mutationFn: async (body: PublicAnswer) => unwrap(await api.POST('/api/v1/public/evaluations/{token}/answers', { params: { path: { token } }, body })),
  });
}

const DEVICE_KEY = 'fou-evaluation-device';
const answeredKey = (token: string) => `fou-evaluation-answered-${token}`;

/**
 * A random token for this browser, kept in local storage (not a cookie: it never travels on its own, only in an
 * answer). The server keeps a hash of it per evaluation so one device answers once; it identifies nobody.
 */
export function deviceToken(): string | undefined {
  try {
    let token = localStorage.getItem(DEVICE_KEY);
    if (!token) {
      const bytes = crypto.getRandomValues(new Uint8Array(18));
      token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      localStorage.setItem(DEVICE_KEY, token);
    }
    return token;
  } catch {
    // Private modes may refuse storage: the answer goes without, and nothing stops a second one.
    return undefined;
  }
}

export function hasAnswered(token: string): boolean {
  try {
    return localStorage.getItem(answeredKey(token)) === '1';
  } catch {
    return false;
  }
}

export function markAnswered(token: string): void {
  try {
    localStorage.setItem(answeredKey(token), '1');
  } catch {
    // See deviceToken.
  }
}
