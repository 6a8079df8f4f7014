/** Reference ids and valid activity bodies for API tests, read through the API itself. */
import type { TestApp } from './test-app.ts';

export interface Refs {
  goals: Record<'vp2018' | 'vp2024', Record<string, number>>;
  goalKeyById: Map<number, string>;
  areas: Record<string, number>;
  areaParent: Map<number, number | null>;
  areaCodeById: Map<number, string>;
  municipalities: Record<string, number>;
  municipalityCodeById: Map<number, string>;
  types: number[];
  staff: number[];
  assignments: number[];
}

/** Reads the seeded reference data and adds staff and assignments so activities can be recorded. */
export async function loadRefs(t: TestApp, extra = { staff: 3, assignments: 2 }): Promise<Refs> {
  for (let i = 0; i < extra.staff; i++) {
    await t.http.post('/api/v1/staff').send({ name: `Medarbetare ${i + 1}`, title: 'Utredare' }).expect(201);
  }
  for (let i = 0; i < extra.assignments; i++) {
    await t.http.post('/api/v1/assignments').send({ title: `Uppdrag ${i + 1}` }).expect(201);
  }
  const ref = (await t.http.get('/api/v1/reference').expect(200)).body as {
    municipalities: { id: number; code: string }[];
    areas: { id: number; code: string; parentId: number | null }[];
    goalFrameworks: { code: 'vp2018' | 'vp2024'; goals: { id: number; key: string }[] }[];
    activityTypes: { id: number }[];
    staff: { id: number }[];
    assignments: { id: number }[];
  };
  const goals = { vp2018: {}, vp2024: {} } as Refs['goals'];
  const goalKeyById = new Map<number, string>();
  for (const f of ref.goalFrameworks) {
    for (const g of f.goals) { goals[f.code][g.key] = g.id; goalKeyById.set(g.id, g.key); }
  }
  return {
    goals,
    goalKeyById,
    areas: Object.fromEntries(ref.areas.map((a) => [a.code, a.id])),
    areaParent: new Map(ref.areas.map((a) => [a.id, a.parentId])),
    areaCodeById: new Map(ref.areas.map((a) => [a.id, a.code])),
    municipalities: Object.fromEntries(ref.municipalities.map((m) => [m.code, m.id])),
    municipalityCodeById: new Map(ref.municipalities.map((m) => [m.id, m.code])),
    types: ref.activityTypes.map((x) => x.id),
    staff: ref.staff.map((x) => x.id),
    assignments: ref.assignments.map((x) => x.id),
  };
}

/** A valid activity body for a date in VP 2018's period; override any field. */
export function validBody(r: Refs, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    date: '2018-03-14',
    title: 'Seminarium om BBIC',
    goalId: r.goals.vp2018.spridning,
    areaId: r.areas.bou,
    typeId: r.types[0],
    format: 'fysiskt',
    municipalityIds: [r.municipalities.solna],
    staffIds: [r.staff[0]],
    ...over,
  };
}

export function countActivities(t: TestApp): number {
  return (t.app.db.$client.prepare('select count(*) as n from activities').get() as { n: number }).n;
}

/** The `field` names of a 400 body. */
export const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);
