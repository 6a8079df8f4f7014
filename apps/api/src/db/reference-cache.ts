/**
 * Values derived from a unit's reference tables (goals, areas, types, staff, plan items …), kept in memory between
 * requests. Triggers (migration 0008) bump the unit's row in unit_reference_versions on every change to those
 * tables, whoever makes it (a route, a seeder, another process), so one primary-key read per request tells
 * whether the copy still holds, and one unit's edits leave the other units' copies alone.
 */
import type Database from 'better-sqlite3';
import type { Db } from './client.ts';

interface Entry { version: number; value: unknown }
interface PerConnection { version: Database.Statement<[number], number>; entries: Map<string, Entry> }
const perConnection = new WeakMap<Database.Database, PerConnection>();

function stateOf(client: Database.Database): PerConnection {
  let state = perConnection.get(client);
  if (!state) {
    state = { version: client.prepare<[number], number>('select version from unit_reference_versions where unit_id = ?').pluck(), entries: new Map() };
    perConnection.set(client, state);
  }
  return state;
}

/**
 * `load()`'s value, reused until the reference tables change. Inside a transaction the value is read fresh and
 * not kept: the transaction may still roll back what it read.
 */
export function cachedByReferenceVersion<T>(db: Db, unitId: number, key: string, load: () => T): T {
  const client = db.$client;
  if (client.inTransaction) return load();
  const state = stateOf(client);
  const version = state.version.get(unitId) ?? 0;
  key = `${unitId}:${key}`;
  const hit = state.entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = load();
  state.entries.set(key, { version, value });
  return value;
}
