/**
 * What a set of activities was and whom it reached, as the annual report says it per plan item: how many, of
 * which types (commonest first), the municipalities reached (an activity counts for every municipality in it) and
 * the participants recorded. The API counts the same per plan item in SQL for the follow-up and the Word document;
 * the plan item page, which has the activities at hand, counts them here.
 */
export interface SummarisedActivity {
  type: { name: string };
  municipalities: { code: string; name: string }[];
  participants: number | null;
}

export interface ActivitySummary {
  count: number;
  types: { name: string; count: number }[];
  /** In the order first met, which is the unit's order when the activities list their municipalities in it. */
  municipalities: { code: string; name: string; count: number }[];
  participants: number;
  /** How many of the activities have a participant count at all: a sum over some of them says so. */
  withParticipants: number;
}

export function summariseActivities(activities: readonly SummarisedActivity[], municipalityOrder: readonly string[] = []): ActivitySummary {
  const types = new Map<string, number>();
  const munis = new Map<string, { code: string; name: string; count: number }>();
  let participants = 0;
  let withParticipants = 0;
  for (const a of activities) {
    types.set(a.type.name, (types.get(a.type.name) ?? 0) + 1);
    for (const m of a.municipalities) {
      const seen = munis.get(m.code);
      if (seen) seen.count += 1;
      else munis.set(m.code, { code: m.code, name: m.name, count: 1 });
    }
    if (a.participants !== null) {
      participants += a.participants;
      withParticipants += 1;
    }
  }
  const rank = (code: string) => {
    const i = municipalityOrder.indexOf(code);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return {
    count: activities.length,
    types: [...types].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv')),
    municipalities: [...munis.values()].sort((a, b) => rank(a.code) - rank(b.code)),
    participants,
    withParticipants,
  };
}
