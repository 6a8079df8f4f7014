/**
 * Texts stored before every write went through lib/text.ts may be in NFD (macOS, some copy-paste) and so look
 * identical to an NFC text yet neither match it in a search nor collide with it as a name. This one-time step,
 * run at start after the migrations (SQLite has no NFC function, so it cannot be a SQL migration), rewrites them
 * in NFC. The audit log is left as it was recorded. Where two register rows become one name, the later row gets
 * its id appended, so nothing is lost and the chief can merge or rename them.
 */
import type { Db } from './client.ts';

const STEP = 'nfc-2026-12';

/** Table, key column and the text columns to normalise. */
const COLUMNS: [table: string, columns: string[]][] = [
  ['units', ['name']],
  ['municipalities', ['name']],
  ['areas', ['name', 'report_label']],
  ['goal_frameworks', ['name']],
  ['goals', ['name', 'short_name', 'description']],
  ['goal_name_history', ['name', 'short_name']],
  ['activity_types', ['name']],
  ['assignments', ['title', 'description']],
  ['staff', ['name', 'title']],
  ['activities', ['title', 'description']],
  ['plan_items', ['title', 'planned', 'outcome']],
  ['users', ['display_name']],
];

/** Returns how many rows it changed; 0 (and no work) once it has run on this file. */
export function normaliseStoredText(db: Db, log: (msg: string) => void = () => {}): number {
  const sqlite = db.$client;
  if (sqlite.prepare('select 1 from maintenance_runs where name = ?').get(STEP)) return 0;
  let changed = 0;
  sqlite.transaction(() => {
    for (const [table, columns] of COLUMNS) {
      // Only rows with a non-ASCII character can change: ASCII is NFC already.
      const where = columns.map((c) => `${c} GLOB '*[^ -~]*'`).join(' or ');
      const rows = sqlite.prepare(`select id, ${columns.join(', ')} from ${table} where ${where}`).all() as Record<string, string | number | null>[];
      for (const row of rows) {
        const set: Record<string, string> = {};
        for (const c of columns) {
          const v = row[c];
          if (typeof v === 'string' && v !== v.normalize('NFC')) set[c] = v.normalize('NFC');
        }
        if (!Object.keys(set).length) continue;
        const assign = Object.keys(set).map((c) => `${c} = @${c}`).join(', ');
        try {
          sqlite.prepare(`update ${table} set ${assign} where id = @id`).run({ ...set, id: row.id });
        } catch (e) {
          if (!(e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE')) throw e;
          // Its NFC form is another row's name already: keep both, this one marked with its id.
          const marked = Object.fromEntries(Object.entries(set).map(([c, v]) => [c, `${v} (${row.id})`]));
          sqlite.prepare(`update ${table} set ${assign} where id = @id`).run({ ...marked, id: row.id });
          log(`${table} ${row.id}: namnet fanns redan i NFC-form och fick sitt id tillagt: ${Object.values(marked).join(', ')}`);
        }
        changed += 1;
      }
    }
    sqlite.prepare('insert into maintenance_runs (name, ran_at) values (?, ?)').run(STEP, new Date().toISOString());
  })();
  return changed;
}
