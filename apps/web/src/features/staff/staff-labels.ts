import { staffLabels } from '@fou/domain';
import { useMemo } from 'react';
import { useReference } from '../../api/queries.ts';

type Named = { id: number; name: string };

/**
 * How to name staff shown as assigned (a plan item's): told apart from the unit's other active staff and from
 * each other by their title when names coincide (staffLabels in @fou/domain). Until the register has loaded,
 * or for someone not in it, the name alone.
 */
export function useStaffLabel(shown: readonly Named[]): (s: Named) => string {
  const staff = useReference().data?.staff;
  const ids = shown.map((s) => s.id).join(',');
  const labels = useMemo(() => {
    const inShown = new Set(ids.split(',').map(Number));
    return staffLabels((staff ?? []).filter((s) => s.active || inShown.has(s.id)));
  }, [staff, ids]);
  return (s) => labels.get(s.id) ?? s.name;
}
