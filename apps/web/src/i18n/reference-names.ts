/**
 * A register row's name in the chosen language: its English name when English is chosen and the row has one,
 * else the Swedish name. Municipalities, staff and assignments are names of their own and have no English name.
 *
 * Rows the activity and plan APIs embed (an activity's goal, area and type) carry only the Swedish name; their
 * English name is found by id in the reference bundle the page has already loaded.
 */
import { useMemo } from 'react';
import type { ReferenceData } from '../api/client.ts';
import { useReference } from '../api/queries.ts';
import { useI18n } from './I18nProvider.tsx';
import type { Lang } from './messages.ts';

export interface Named { name: string; nameEn?: string | null }

/** The row's name in `lang`. */
export const localName = (row: Named, lang: Lang): string => (lang === 'en' && row.nameEn ? row.nameEn : row.name);

/** A goal where a short name fits (lists, filters): English has one name for both places. */
export const localShortName = (goal: Named & { shortName?: string | null }, lang: Lang): string =>
  lang === 'en' && goal.nameEn ? goal.nameEn : (goal.shortName ?? goal.name);

type Kind = 'goal' | 'area' | 'type' | 'targetGroup';

/** English names by goal key (the newest framework's first, as the plan and reports name a key) and by area code. */
function englishByKey(ref: ReferenceData | undefined) {
  const goals = new Map<string, string>();
  for (const f of [...(ref?.goalFrameworks ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom))) {
    for (const g of f.goals) if (g.nameEn && !goals.has(g.key)) goals.set(g.key, g.nameEn);
  }
  const pairs = <T,>(rows: readonly T[], key: (r: T) => string, en: (r: T) => string | null | undefined) =>
    new Map(rows.flatMap((r) => { const v = en(r); return v ? [[key(r), v] as const] : []; }));
  return {
    goals,
    areas: pairs(ref?.areas ?? [], (a) => a.code, (a) => a.nameEn),
    formats: pairs(ref?.formats ?? [], (f) => f.code, (f) => f.nameEn),
    lines: pairs(ref?.lines ?? [], (l) => l.code, (l) => l.nameEn),
    // Report rows name a type by id and a target group by its standard key (an own group by id).
    types: pairs(ref?.activityTypes ?? [], (x) => String(x.id), (x) => x.nameEn),
    typesBySwedishName: pairs(ref?.activityTypes ?? [], (x) => x.name, (x) => x.nameEn),
    targetGroups: pairs(ref?.targetGroups ?? [], (g) => g.key ?? String(g.id), (g) => g.nameEn),
  };
}

function englishById(ref: ReferenceData | undefined): Record<Kind, Map<number, string>> {
  const map = <T extends { id: number; nameEn?: string | null }>(rows: readonly T[]) => new Map(rows.flatMap((r) => (r.nameEn ? [[r.id, r.nameEn] as const] : [])));
  return {
    goal: map(ref?.goalFrameworks.flatMap((f) => f.goals) ?? []),
    area: map(ref?.areas ?? []),
    type: map(ref?.activityTypes ?? []),
    targetGroup: map(ref?.targetGroups ?? []),
  };
}

/** Names of rows embedded in other answers (by id), in the chosen language. */
export function useReferenceNames() {
  const { lang } = useI18n();
  const reference = useReference();
  const english = useMemo(() => ({ byId: englishById(reference.data), byKey: englishByKey(reference.data) }), [reference.data]);
  return useMemo(() => {
    const en = (kind: Kind, id: number) => (lang === 'en' ? english.byId[kind].get(id) : undefined);
    const pick = (found: string | undefined) => (lang === 'en' ? found : undefined);
    return {
      name: (kind: Kind, row: { id: number; name: string }) => en(kind, row.id) ?? row.name,
      shortName: (row: { id: number; name: string; shortName?: string | null }) => en('goal', row.id) ?? row.shortName ?? row.name,
      /** A goal named by its key (plan and report rows), in the newest framework's English name. */
      goalByKey: (key: string, name: string) => pick(english.byKey.goals.get(key)) ?? name,
      /** An area named by its code. */
      areaByCode: (code: string, name: string) => pick(english.byKey.areas.get(code)) ?? name,
      /** A report row by its dimension and key (goal key, area code, format or line code, type id, target group key). */
      rowLabel: (dim: 'goal' | 'areaGroup' | 'format' | 'line' | 'type' | 'targetGroup', key: string, label: string) =>
        pick(({ goal: english.byKey.goals, areaGroup: english.byKey.areas, format: english.byKey.formats, line: english.byKey.lines, type: english.byKey.types, targetGroup: english.byKey.targetGroups })[dim].get(key)) ?? label,
      /** An activity type the report names only by its Swedish name. */
      typeBySwedishName: (name: string) => pick(english.byKey.typesBySwedishName.get(name)) ?? name,
    };
  }, [english, lang]);
}
