/**
 * Reference data for component tests, built from the same seed file the API loads (ids assigned in order),
 * so the tests see the real frameworks, areas and municipalities rather than invented ones.
 */
import seed from '../../../api/src/seed/data/reference-data.json';
import { STANDARD_TARGET_GROUPS } from '@fou/domain';
import type { ReferenceData } from '../api/client.ts';

let nextId = 1;
const id = () => nextId++;

const areas: ReferenceData['areas'] = [];
for (const top of seed.areas) {
  const topId = id();
  areas.push({ id: topId, code: top.code, name: top.name, nameEn: top.nameEn, reportLabel: top.reportLabel, parentId: null, sortOrder: top.sortOrder, active: true, isLeaf: top.children.length === 0 });
  for (const c of top.children) {
    areas.push({ id: id(), code: c.code, name: c.name, nameEn: c.nameEn, reportLabel: null, parentId: topId, sortOrder: c.sortOrder, active: true, isLeaf: true });
  }
}

export const reference: ReferenceData = {
  unit: { id: 1, code: seed.unit.code, name: seed.unit.name },
  municipalities: seed.municipalities.map((m) => ({ id: id(), code: m.code, name: m.name, sortOrder: m.sortOrder, active: true, years: m.years })),
  areas,
  goalFrameworks: seed.goalFrameworks.map((f) => {
    const frameworkId = id();
    return {
      id: frameworkId, code: f.code, name: f.name, nameEn: f.nameEn, validFrom: f.validFrom, validTo: f.validTo,
      goals: f.goals.map((g) => ({ id: id(), frameworkId, key: g.key, name: g.name, shortName: g.shortName, nameEn: g.nameEn, description: g.description, sortOrder: g.sortOrder })),
    };
  }),
  activityTypes: seed.activityTypes.map((name, i) => ({ id: id(), name, nameEn: (seed.activityTypeNamesEn as Record<string, string>)[name] ?? null, sortOrder: i + 1, active: true })),
  targetGroups: STANDARD_TARGET_GROUPS.map((g, i) => ({ id: id(), key: g.key, name: g.sv, nameEn: g.en, sortOrder: i + 1, active: true })),
  assignments: [],
  staff: ['Anna Andersson', 'Björn Berg'].map((name) => ({ id: id(), name, title: null, active: true })),
  formats: [
    { code: 'fysiskt', name: 'Fysiskt', nameEn: 'In person' },
    { code: 'digitalt', name: 'Digitalt', nameEn: 'Online' },
    { code: 'hybrid', name: 'Hybrid', nameEn: 'Hybrid' },
  ],
  lines: seed.lines.map((l) => ({ code: l.code as 'forsta' | 'andra', name: l.name, nameEn: l.nameEn })),
};

/** VP 2018's goal with this key, as the tests' fixtures use it. */
export const vp2018Goal = (key: string) => reference.goalFrameworks.find((f) => f.code === 'vp2018')!.goals.find((g) => g.key === key)!;
/** The area with this code. */
export const areaByCode = (code: string) => reference.areas.find((a) => a.code === code)!;
