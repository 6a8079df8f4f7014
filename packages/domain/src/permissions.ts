/**
 * Who may do what: the one permission table of the unit. The API asks `can()` for every route and
 * `canEditActivity()` for each activity a medarbetare writes.
 */
export const ROLE_NAMES = ['medarbetare', 'chef', 'rad', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const ACTIONS = [
  'reference:read', 'reference:write',
  'activity:read', 'activity:write',
  'report:read',
  'plan:read', 'plan:write',
  'account:manage',
  'audit:read',
  'period:read', 'period:lock',
] as const;
export type PermissionAction = (typeof ACTIONS)[number];

const TABLE: Record<RoleName, ReadonlySet<PermissionAction>> = {
  chef: new Set(ACTIONS),
  // A medarbetare records the unit's work; which activities they may change is decided per activity.
  medarbetare: new Set(['reference:read', 'activity:read', 'activity:write', 'report:read', 'plan:read', 'period:read']),
  // The council reviews progress: it reads and writes nothing.
  rad: new Set(['reference:read', 'activity:read', 'report:read', 'plan:read', 'period:read']),
  admin: new Set(['reference:read', 'activity:read', 'report:read', 'plan:read', 'period:read', 'account:manage']),
};

export function can(role: RoleName, action: PermissionAction): boolean {
  return TABLE[role].has(action);
}

/** A chief edits every activity; a medarbetare only those they are on (before and after the change). */
export function canEditActivity(user: { role: RoleName; staffId: number | null }, activityStaffIds: readonly number[]): boolean {
  if (!can(user.role, 'activity:write')) return false;
  if (user.role !== 'medarbetare') return true;
  return user.staffId !== null && activityStaffIds.includes(user.staffId);
}
