/**
 * What an activity was for an owner municipality: its own (only this municipality), shared with some owners, or an
 * open offering to all owners. "All owners" is every owner municipality of the unit that year (the reports decide
 * which those are: the register's active ones, as the form's "Alla" box stores them, give or take owners that
 * joined later or left). An activity that names every owner is open even when it names a non-owner too.
 */
export type OwnerReach = 'own' | 'shared' | 'open';

export function ownerReach(activityMunicipalityIds: readonly number[], ownerIdsOfYear: ReadonlySet<number>, municipalityId: number): OwnerReach | null {
  if (!activityMunicipalityIds.includes(municipalityId)) return null;
  if (activityMunicipalityIds.length === 1) return 'own';
  const named = new Set(activityMunicipalityIds);
  const all = ownerIdsOfYear.size > 1 && [...ownerIdsOfYear].every((id) => named.has(id));
  return all ? 'open' : 'shared';
}

/** One municipality's part of an activity's participants, as staff split them (null: left blank). */
export interface ParticipantShare { municipalityId: number; participants: number | null }

export type SplitProblem =
  | { code: 'split_without_total' }
  | { code: 'split_exceeds_total'; sum: number; total: number }
  | { code: 'split_unknown_municipality'; index: number };

/**
 * The optional split of participants per municipality: only municipalities the activity names, and never more than
 * the total (less is fine: some participants' municipality is unknown). A split with numbers needs a total.
 */
export function checkParticipantSplit(total: number | null, split: readonly ParticipantShare[], municipalityIds: readonly number[]): SplitProblem[] {
  const problems: SplitProblem[] = [];
  split.forEach((s, index) => { if (!municipalityIds.includes(s.municipalityId)) problems.push({ code: 'split_unknown_municipality', index }); });
  const sum = split.reduce((acc, s) => acc + (s.participants ?? 0), 0);
  const given = split.some((s) => s.participants !== null);
  if (given && total === null) problems.push({ code: 'split_without_total' });
  else if (total !== null && sum > total) problems.push({ code: 'split_exceeds_total', sum, total });
  return problems;
}

/**
 * The participants an activity is known to have had from one municipality: all of them for its own activity (there
 * is no one else), the split's number otherwise; null when not known (no total, or a shared one not split for it).
 */
export function knownParticipants(total: number | null, municipalityCount: number, splitForMunicipality: number | null): number | null {
  if (splitForMunicipality !== null) return splitForMunicipality;
  if (total !== null && municipalityCount === 1) return total;
  return null;
}
