/** Query hooks for the chief's registers: staff, activity types, assignments, municipalities, areas and locked years. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { components, paths } from './schema.d.ts';
import { planKeys } from './plan-queries.ts';
import { activityKeys, referenceKeys } from './queries.ts';
import { reportKeys } from './reports.ts';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : never;

export type Staff = components['schemas']['Staff'];
export type StaffCreate = Body<'/api/v1/staff', 'post'>;
export type StaffUpdate = Body<'/api/v1/staff/{id}', 'patch'>;
export type ActivityType = components['schemas']['ActivityType'];
export type ActivityTypeCreate = Body<'/api/v1/activity-types', 'post'>;
export type TargetGroupCreate = Body<'/api/v1/target-groups', 'post'>;
export type TargetGroupUpdate = Body<'/api/v1/target-groups/{id}', 'patch'>;
export type ActivityTypeUpdate = Body<'/api/v1/activity-types/{id}', 'patch'>;
export type Assignment = components['schemas']['Assignment'];
export type AssignmentCreate = Body<'/api/v1/assignments', 'post'>;
export type AssignmentUpdate = Body<'/api/v1/assignments/{id}', 'patch'>;
export type Municipality = components['schemas']['Municipality'];
export type MunicipalityCreate = Body<'/api/v1/municipalities', 'post'>;
export type MunicipalityUpdate = Body<'/api/v1/municipalities/{id}', 'patch'>;
export type MunicipalityYearPut = Body<'/api/v1/municipalities/{id}/years/{year}', 'put'>;
export type Area = components['schemas']['Area'];
export type AreaCreate = Body<'/api/v1/areas', 'post'>;
export type AreaUpdate = Body<'/api/v1/areas/{id}', 'patch'>;
export type PeriodLock = paths['/api/v1/period-locks']['get']['responses'][200]['content']['application/json'][number];

/** Each register lives under the reference key: invalidating that refreshes the lists and the forms' bundle alike. */
export const registerKeys = {
  all: referenceKeys.all,
  staff: () => [...referenceKeys.all, 'staff'] as const,
  activityTypes: () => [...referenceKeys.all, 'activity-types'] as const,
  targetGroups: () => [...referenceKeys.all, 'target-groups'] as const,
  assignments: () => [...referenceKeys.all, 'assignments'] as const,
  municipalities: () => [...referenceKeys.all, 'municipalities'] as const,
  areas: () => [...referenceKeys.all, 'areas'] as const,
  periodLocks: ['period-locks'] as const,
};

/**
 * After any change the activity and plan forms must offer the new state at once; and a renamed row reads under
 * its new name in the lists, the plan and the reports, which carry the names they were fetched with.
 */
function useInvalidateReference() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      // Refetched even with no form on screen: the next form opened would otherwise first show the cached
      // bundle, offering a row just deactivated until its background refetch lands.
      qc.invalidateQueries({ queryKey: registerKeys.all, refetchType: 'all' }),
      qc.invalidateQueries({ queryKey: activityKeys.all }),
      qc.invalidateQueries({ queryKey: planKeys.all }),
      qc.invalidateQueries({ queryKey: reportKeys.all }),
    ]);
}

export function useStaffList() {
  return useQuery({ queryKey: registerKeys.staff(), queryFn: async () => unwrap(await api.GET('/api/v1/staff')) });
}
export function useCreateStaff() {
  const onSuccess = useInvalidateReference();
  return useMutation({ mutationFn: async (body: StaffCreate) => unwrap(await api.POST('/api/v1/staff', { body })), onSuccess });
}
export function useUpdateStaff() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: StaffUpdate }) => unwrap(await api.PATCH('/api/v1/staff/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useActivityTypeList() {
  return useQuery({ queryKey: registerKeys.activityTypes(), queryFn: async () => unwrap(await api.GET('/api/v1/activity-types')) });
}
export function useCreateActivityType() {
  const onSuccess = useInvalidateReference();
  return useMutation({ mutationFn: async (body: ActivityTypeCreate) => unwrap(await api.POST('/api/v1/activity-types', { body })), onSuccess });
}
export function useUpdateActivityType() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: ActivityTypeUpdate }) =>
      unwrap(await api.PATCH('/api/v1/activity-types/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useTargetGroupList() {
  return useQuery({ queryKey: registerKeys.targetGroups(), queryFn: async () => unwrap(await api.GET('/api/v1/target-groups')) });
}
export function useCreateTargetGroup() {
  const onSuccess = useInvalidateReference();
  return useMutation({ mutationFn: async (body: TargetGroupCreate) => unwrap(await api.POST('/api/v1/target-groups', { body })), onSuccess });
}
export function useUpdateTargetGroup() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: TargetGroupUpdate }) =>
      unwrap(await api.PATCH('/api/v1/target-groups/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useAssignmentList() {
  return useQuery({ queryKey: registerKeys.assignments(), queryFn: async () => unwrap(await api.GET('/api/v1/assignments')) });
}
export function useCreateAssignment() {
  const onSuccess = useInvalidateReference();
  return useMutation({ mutationFn: async (body: AssignmentCreate) => unwrap(await api.POST('/api/v1/assignments', { body })), onSuccess });
}
export function useUpdateAssignment() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: AssignmentUpdate }) =>
      unwrap(await api.PATCH('/api/v1/assignments/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useMunicipalityList() {
  return useQuery({ queryKey: registerKeys.municipalities(), queryFn: async () => unwrap(await api.GET('/api/v1/municipalities')) });
}
export function useCreateMunicipality() {
  const onSuccess = useInvalidateReference();
  return useMutation({ mutationFn: async (body: MunicipalityCreate) => unwrap(await api.POST('/api/v1/municipalities', { body })), onSuccess });
}
export function useUpdateMunicipality() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: MunicipalityUpdate }) =>
      unwrap(await api.PATCH('/api/v1/municipalities/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}
export function usePutMunicipalityYear() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, year, body }: { id: number; year: number; body: MunicipalityYearPut }) =>
      unwrap(await api.PUT('/api/v1/municipalities/{id}/years/{year}', { params: { path: { id, year } }, body })),
    onSuccess,
  });
}

export function useAreaList() {
  return useQuery({ queryKey: registerKeys.areas(), queryFn: async () => unwrap(await api.GET('/api/v1/areas')) });
}
export function useCreateArea() {
  const onSuccess = useInvalidateReference();
  return useMutation({ mutationFn: async (body: AreaCreate) => unwrap(await api.POST('/api/v1/areas', { body })), onSuccess });
}
export function useUpdateArea() {
  const onSuccess = useInvalidateReference();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: AreaUpdate }) => unwrap(await api.PATCH('/api/v1/areas/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

/** How often the activity form's client-data warnings were saved past: counts per year and kind (the chief's). */
export function useTextWarningOverrides() {
  return useQuery({ queryKey: ['text-warning-overrides'] as const, queryFn: async () => unwrap(await api.GET('/api/v1/activities/text-warning-overrides')) });
}
export function usePeriodLocks(enabled = true) {
  return useQuery({ queryKey: registerKeys.periodLocks, queryFn: async () => unwrap(await api.GET('/api/v1/period-locks')), enabled });
}
export function useLockYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (year: number) => unwrap(await api.PUT('/api/v1/period-locks/{year}', { params: { path: { year } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKeys.periodLocks }),
  });
}
export function useUnlockYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (year: number) => {
      unwrap(await api.DELETE('/api/v1/period-locks/{year}', { params: { path: { year } } }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKeys.periodLocks }),
  });
}
