/**
 * Writes the OpenAPI document the routes generate to openapi/openapi.json (`write`), or fails when the
 * committed file differs from it (`check`), so the spec, the SPA's generated types and the code never drift.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { repoRoot } from '../src/config.ts';

const target = path.join(repoRoot, 'openapi/openapi.json');
const mode = process.argv[2];
if (mode !== 'write' && mode !== 'check') {
  console.error('usage: openapi.ts write|check');
  process.exit(2);
}

const app = await buildApp({
  port: 0, host: '127.0.0.1', databasePath: ':memory:', webDist: '/nonexistent', logLevel: 'silent', demo: false,
});
await app.ready();
const spec = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();

if (mode === 'write') {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, spec);
  console.log(`wrote ${path.relative(repoRoot, target)}`);
} else {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== spec) {
    console.error('openapi/openapi.json is out of date: run `pnpm openapi:gen` and commit the result.');
    process.exit(1);
  }
  console.log('openapi/openapi.json matches the routes.');
}
