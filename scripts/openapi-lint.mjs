#!/usr/bin/env node
/**
 * `pnpm openapi:lint`: Redocly CLI's lint of openapi/openapi.json with the recommended rules (redocly.yaml).
 * Redocly fails only on errors; this fails on warnings as well, printing each problem on one line.
 * Its telemetry and update check are off (the machine has no network, and CI should not phone home).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = 'openapi/openapi.json';
const r = spawnSync(path.join(root, 'node_modules/.bin/redocly'), ['lint', spec, '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '1000'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  // Not a lint report: Redocly itself failed (its Node 20 deprecation banner on stderr is not that).
  console.error(`redocly lint did not run (exit ${r.status ?? r.error?.message}):\n${r.stdout}${r.stderr}`);
  process.exit(2);
}
for (const p of report.problems) {
  console.log(`${p.severity.padEnd(7)} ${p.ruleId}  ${p.location?.[0]?.pointer ?? ''}: ${p.message}`);
}
const { errors, warnings } = report.totals;
console.log(`${spec}: ${errors} errors, ${warnings} warnings (Redocly ${report.version}, recommended rules)`);
process.exit(errors + warnings > 0 ? 1 : 0);
