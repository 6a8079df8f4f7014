/**
 * Who may do what: the one permission table of the install. The API asks `can()` for every route and
 * `canEditActivity()` for each activity a medarbetare writes.
 *
 * A unit's accounts (medarbetare, chef, rad, admin) work inside their unit. The install's own accounts belong to
 * no unit: `installation` creates units and their first admins and reads none of their data; `region` reads the
 * regional comparison's aggregates of the units that share them, never an activity.
 */
export const ROLE_NAMES = ['medarbetare', 'chef', 'rad', 'admin', 'installation', 'region'] as const;
/** The roles whose accounts belong to a unit. */
export const UNIT_ROLE_NAMES = ['medarbetare', 'chef', 'rad', 'admin'] as const;
export type UnitRoleName = (typeof UNIT_ROLE_NAMES)[number];
export function isUnitRole(role: RoleName): role is UnitRoleName {
  return (UNIT_ROLE_NAMES as readonly string[]).includes(role);
}
export type RoleName = (typeof ROLE_NAMES)[number];

export const ACTIONS = [
  'reference:read', 'reference:write',
  'activity:read', 'activity:write',
  'report:read',
  'plan:read', 'plan:write',
  'account:manage',
  'audit:read',
  'period:read', 'period:lock',
  // The unit's own settings (whether it shares its aggregates in the regional comparison).
  'unit:settings',
  // Event evaluations: remove an answer (spam) and edit the unit's standard question wording. The chief's.
  'evaluation:moderate',
  // The regional comparison: aggregates per unit and year of the units that share them.
  'region:read',
  // The install: units and their first admins.
  'install:manage',
] as const;
export type PermissionAction = (typeof ACTIONS)[number];

const TABLE: Record<RoleName, ReadonlySet<PermissionAction>> = {
  chef: new Set(ACTIONS.filter((a) => a !== 'install:manage')),
  // A medarbetare records the unit's work; which activities they may change is decided per activity.
  medarbetare: new Set(['reference:read', 'activity:read', 'activity:write', 'report:read', 'plan:read', 'period:read']),
  // The council reviews progress: it reads and writes nothing.
  rad: new Set(['reference:read', 'activity:read', 'report:read', 'plan:read', 'period:read']),
  admin: new Set(['reference:read', 'activity:read', 'report:read', 'plan:read', 'period:read', 'account:manage']),
  installation: new Set(['install:manage']),
  region: new Set(['region:read']),
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
