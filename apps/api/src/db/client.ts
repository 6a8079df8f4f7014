import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { apiRoot } from '../config.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(apiRoot, 'drizzle');

/** Opens (creating if needed) the SQLite file with the settings every process of ours uses, and migrates it. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL under WAL survives a process crash (the test kills the server with SIGKILL); only an OS crash
  // could lose the last commits, which FULL would cost every write to prevent.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's lower() and LIKE fold ASCII only; title search must match Å/Ä/Ö regardless of case.
  sqlite.function('casefold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLocaleLowerCase('sv') : v));
  const db = drizzle(sqlite, { schema }) as Db;
  // Our transactions all write. Taking the write lock at BEGIN (IMMEDIATE) makes one that would read first wait
  // for another process's write (busy_timeout) instead of failing at once with SQLITE_BUSY when its snapshot
  // turns out stale at the first write: a script, the bench's floor or a second server on the file.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as Db['transaction'];
  migrate(db, { migrationsFolder });
  return db;
}
