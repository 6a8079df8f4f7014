/** Query hooks for goal frameworks and their goals; the frameworks themselves come with the reference data. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type FrameworkCreate, type FrameworkUpdate, type GoalUpdate } from './client.ts';
import { planKeys } from './plan-queries.ts';
import { referenceKeys } from './queries.ts';

export const frameworkKeys = {
  goalNames: (goalId: number) => [...referenceKeys.all, 'goal-names', goalId] as const,
};

/** A goal's name now and the names it had before, each with the day it was replaced. */
export function useGoalNames(goalId: number, enabled: boolean) {
  return useQuery({
    queryKey: frameworkKeys.goalNames(goalId),
    queryFn: async () => unwrap(await api.GET('/api/v1/goals/{id}/names', { params: { path: { id: goalId } } })),
    enabled,
  });
}

/** Frameworks and goal names appear in forms, lists, reports and the plan: all of them read again. */
function useInvalidateAfterFrameworkChange() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: referenceKeys.all }), qc.invalidateQueries({ queryKey: planKeys.all })]);
}

export function useCreateFramework() {
  const invalidate = useInvalidateAfterFrameworkChange();
  return useMutation({
    mutationFn: async (body: FrameworkCreate) => unwrap(await api.POST('/api/v1/goal-frameworks', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateFramework(id: number) {
  const invalidate = useInvalidateAfterFrameworkChange();
  return useMutation({
    mutationFn: async (body: FrameworkUpdate) => unwrap(await api.PATCH('/api/v1/goal-frameworks/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateGoal(id: number) {
  const invalidate = useInvalidateAfterFrameworkChange();
  return useMutation({
    mutationFn: async (body: GoalUpdate) => unwrap(await api.PATCH('/api/v1/goals/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}
