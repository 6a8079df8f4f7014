import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { apiRoot, StartupError } from '../config.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(apiRoot, 'drizzle');

/**
 * Opens (creating if needed) the SQLite file with the settings every process of ours uses, and migrates it.
 * A file that cannot be written fails here, with a CannotWriteDatabaseError, rather than at the first write.
 * busy_timeout stays 5 s for scripts, seeders and migrations; the server lowers it once started (db/write.ts).
 */
export function openDatabase(file: string): Db {
  let sqlite: Database.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    // SQLite opens a file it may only read without a word; taking the write lock once shows it now.
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('ROLLBACK');
  } catch (err) {
    if (sqliteCannotWrite(err) || FS_CANNOT_WRITE.has((err as { code?: string }).code ?? '')) throw new CannotWriteDatabaseError(file, err as Error);
    throw err;
  }
  // NORMAL under WAL survives a process crash (the test kills the server with SIGKILL); only an OS crash
  // could lose the last commits, which FULL would cost every write to prevent.
  sqlite.pragma('synchronous = NORMAL');
  // SQLite's lower() and LIKE fold ASCII only; title search must match Å/Ä/Ö regardless of case.
  sqlite.function('casefold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLocaleLowerCase('sv') : v));
  const db = drizzle(sqlite, { schema }) as Db;
  // A migration that rebuilds a table (0008 rebuilds users) must run with foreign keys off, or dropping the old
  // table would cascade into sessions and fail on the audit log; the migrator runs inside one transaction, where
  // the pragma cannot change, so it is set around it. What the migrations left is then checked as a whole.
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new StartupError(`Databasfilen ${file} har ${broken.length} rader som pekar på rader som saknas efter migreringen; återställ från säkerhetskopian.`);
  sqlite.pragma('foreign_keys = ON');
  return db;
}

/**
 * The SQLite errors that mean the file cannot be written just now (read-only, disk I/O, disk full, cannot open):
 * the server's fault or its disk's, never the request's. Each statement failing so is rolled back whole.
 */
export function sqliteCannotWrite(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_CANTOPEN');
}

/** Creating the folder failed: no permission, a read-only file system, a file where a folder should be, no space. */
const FS_CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EEXIST']);

/** What a person starting the server must be told: which file, why, and what to do. */
export class CannotWriteDatabaseError extends StartupError {
  constructor(readonly file: string, readonly reason: Error) {
    const why = (reason as { code?: string }).code ?? reason.name;
    super(`Databasfilen ${file} går inte att skriva (${why}: ${reason.message}). Ge kontot som kör servern skrivrätt till filen och mappen ${path.dirname(file)}, frigör diskutrymme eller ange en annan sökväg med DATABASE_PATH.`);
  }
}
