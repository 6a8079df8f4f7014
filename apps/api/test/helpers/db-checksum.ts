import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/** The tables a file holds, apart from SQLite's own. */
export function tableNames(db: Database.Database): string[] {
  return (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);
}

/** Row count and a hash of every row of every table (except `skip`), in rowid order: equal sums mean equal content. */
export function tableChecksums(db: Database.Database, skip: ReadonlySet<string> = new Set()): Record<string, { rows: number; sha256: string }> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const name of tableNames(db)) {
    if (skip.has(name)) continue;
    const rows = db.prepare(`select * from "${name}" order by rowid`).raw().all();
    out[name] = { rows: rows.length, sha256: crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  }
  return out;
}
