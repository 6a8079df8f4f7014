/**
 * `pnpm backup [file]`: an online backup of the configured database (DATABASE_PATH) through SQLite's backup API,
 * safe while the server runs and writes: the copy is one consistent point in time. Without a file it writes
 * data/backups/fou-<time>.sqlite. The copy is a single file (rollback journal, no -wal) ready to be restored.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig, repoRoot, userCwd } from '../src/config.ts';

const config = loadConfig(process.env, []);
const arg = process.argv[2];
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = arg ? path.resolve(userCwd(), arg) : path.join(repoRoot, 'data', 'backups', `fou-${stamp}.sqlite`);

if (config.databasePath === ':memory:' || !fs.existsSync(config.databasePath)) {
  console.error(`Ingen databas att säkerhetskopiera: ${config.databasePath}`);
  process.exit(1);
}
if (fs.existsSync(target)) {
  console.error(`${target} finns redan; välj ett nytt filnamn så att ingen tidigare kopia skrivs över.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });

const source = new Database(config.databasePath, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
const started = Date.now();
try {
  await source.backup(target);
} finally {
  source.close();
}

const copy = new Database(target);
try {
  copy.pragma('journal_mode = DELETE');
  const integrity = copy.pragma('integrity_check', { simple: true }) as string;
  const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n;
  const activities = count('select count(*) as n from activities');
  const staff = count('select count(*) as n from staff');
  console.log(`Säkerhetskopia: ${target}`);
  console.log(`  från ${config.databasePath}`);
  console.log(`  ${(fs.statSync(target).size / 1024).toFixed(0)} kB, ${activities} aktiviteter, ${staff} medarbetare, ${Date.now() - started} ms`);
  console.log(`  integritetskontroll: ${integrity}`);
  if (integrity !== 'ok') process.exitCode = 1;
} finally {
  copy.close();
}
