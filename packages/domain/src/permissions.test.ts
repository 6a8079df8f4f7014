import { describe, expect, it } from 'vitest';
import { ACTIONS, can, canEditActivity, ROLE_NAMES } from './permissions.ts';

describe('can', () => {
  it('lets the chief do everything in the unit, and nothing of the install', () => {
    for (const a of ACTIONS.filter((x) => x !== 'install:manage')) expect(can('chef', a)).toBe(true);
    expect(can('chef', 'install:manage')).toBe(false);
  });
  it('lets nobody but chief write reference data, lock years or read the audit trail', () => {
    for (const r of ROLE_NAMES.filter((x) => x !== 'chef')) {
      expect(can(r, 'reference:write')).toBe(false);
      expect(can(r, 'period:lock')).toBe(false);
      expect(can(r, 'audit:read')).toBe(false);
      expect(can(r, 'plan:write')).toBe(false);
    }
  });
  it('keeps the council read-only', () => {
    const writes = ACTIONS.filter((a) => a.endsWith(':write') || a === 'account:manage' || a === 'period:lock');
    for (const a of writes) expect(can('rad', a)).toBe(false);
    expect(can('rad', 'report:read')).toBe(true);
    expect(can('rad', 'activity:read')).toBe(true);
  });
  it('lets admin and chief manage accounts, no one else', () => {
    expect(ROLE_NAMES.filter((r) => can(r, 'account:manage')).sort()).toEqual(['admin', 'chef']);
  });
  it('lets a medarbetare write activities but not accounts', () => {
    expect(can('medarbetare', 'activity:write')).toBe(true);
    expect(can('medarbetare', 'account:manage')).toBe(false);
  });
});

describe('canEditActivity', () => {
  it('allows a medarbetare on the activity and refuses one who is not', () => {
    expect(canEditActivity({ role: 'medarbetare', staffId: 3 }, [1, 3])).toBe(true);
    expect(canEditActivity({ role: 'medarbetare', staffId: 2 }, [1, 3])).toBe(false);
  });
  it('refuses a medarbetare with no staff link', () => {
    expect(canEditActivity({ role: 'medarbetare', staffId: null }, [1])).toBe(false);
  });
  it('allows the chief on any activity and refuses council and admin', () => {
    expect(canEditActivity({ role: 'chef', staffId: null }, [9])).toBe(true);
    expect(canEditActivity({ role: 'rad', staffId: 9 }, [9])).toBe(false);
    expect(canEditActivity({ role: 'admin', staffId: 9 }, [9])).toBe(false);
  });
});
