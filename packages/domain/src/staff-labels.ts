import { nameKey } from './names.ts';

export interface StaffForLabel {
  id: number;
  name: string;
  title: string | null;
}

/**
 * What each staff member is called in a list of staff: the name alone, unless another in the same list has the
 * same name (compared as register names are: case, spacing and Unicode form aside). Those get their title,
 * "Maria Svensson (utvecklingsledare)"; when the titles do not tell them apart either (missing, or the same), a
 * running number in id order is added, so no two entries of a picker or filter ever read alike.
 *
 * The map keeps the list's order. Pass the list as it is shown (a picker of active staff passes those; a filter over all years passes all):
 * a namesake who is not in the list leaves the name bare.
 */
export function staffLabels(staff: readonly StaffForLabel[]): Map<number, string> {
  const byName = new Map<string, StaffForLabel[]>();
  for (const s of staff) {
    const key = nameKey(s.name);
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  const labels = new Map<number, string>();
  for (const group of byName.values()) {
    if (group.length === 1) {
      labels.set(group[0]!.id, group[0]!.name);
      continue;
    }
    const titleKey = (s: StaffForLabel) => (s.title?.trim() ? nameKey(s.title) : '');
    const sharing = (s: StaffForLabel) => group.filter((o) => titleKey(o) === titleKey(s));
    for (const s of group) {
      const title = s.title?.trim() || null;
      const same = [...sharing(s)].sort((a, b) => a.id - b.id);
      const number = same.length > 1 || title === null ? String(same.indexOf(s) + 1) : null;
      labels.set(s.id, `${s.name} (${[title, number].filter(Boolean).join(', ')})`);
    }
  }
  // In the list's own order, so a caller may build its options from the map.
  return new Map(staff.map((s) => [s.id, labels.get(s.id)!]));
}
