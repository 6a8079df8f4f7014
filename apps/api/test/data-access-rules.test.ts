/**
 * The data-access layer's rules, read off the source: all SQL of a module is in its repository, built from a
 * UnitScope; services and routes reach the database only through repositories, and no route reads a unit of its
 * own. The unit-isolation test proves the scoping by behaviour; this one keeps the structure that makes it hold,
 * so a new service that queries the tables directly fails here before it can forget a unit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const moduleFiles = files(path.join(SRC, 'modules')).filter((f) => f.endsWith('.ts'));
const rel = (f: string) => path.relative(SRC, f);
const read = (f: string) => fs.readFileSync(f, 'utf8');

/** Value imports (not `import type`) of a module path matching `what`. */
function valueImports(source: string, what: RegExp): string[] {
  return [...source.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)';/gms)].filter((m) => what.test(m[2]!)).map((m) => m[0]);
}

describe('data-access rules', () => {
  const services = moduleFiles.filter((f) => f.endsWith('.service.ts'));
  const routes = moduleFiles.filter((f) => f.endsWith('.routes.ts'));
  const repositories = moduleFiles.filter((f) => f.endsWith('.repository.ts'));

  it('finds the modules it checks', () => {
    expect(services.length).toBeGreaterThan(8);
    expect(routes.length).toBeGreaterThan(8);
    expect(repositories.length).toBeGreaterThan(5);
  });

  it('keeps SQL out of services and routes: no drizzle-orm, no table values, no raw connection', () => {
    const offences = [...services, ...routes].flatMap((f) => {
      // A route may hand the connection to one of the install's cross-unit repositories (see below), nothing else.
      const s = read(f).replace(/\b(installRepository|regionAggregatesRepository|evaluationLinkRepository)\(app\.db\)/g, '');
      return [
        ...(/const\s*\{[^}]*\bdb\b[^}]*\}\s*=\s*app\b/.test(s) ? [`${rel(f)}: takes the connection from app`] : []),
        ...valueImports(s, /^drizzle-orm/).map((i) => `${rel(f)}: ${i}`),
        ...valueImports(s, /db\/schema\.ts$/).map((i) => `${rel(f)}: ${i}`),
        ...(/\$client|\.prepare\(|\bscope\.db\b|\bapp\.db\b|\breq(uest)?\.scope\.db\b/.test(s) ? [`${rel(f)}: reaches the connection`] : []),
        ...(/\bwriteTransaction\(/.test(s) ? [`${rel(f)}: writes outside scope.write`] : []),
      ];
    });
    expect(offences).toEqual([]);
  });

  it('gives no route a unit of its own: the unit comes from the principal (req.scope)', () => {
    const offences = routes.filter((f) => /\bapp\.unitId\b|\bunitId\s*(:|=(?!=))/.test(read(f))).map(rel);
    expect(offences).toEqual([]);
  });

  it('builds every unit repository from a scope, and names the few that read across units', () => {
    const offences = repositories.flatMap((f) => {
      const s = read(f);
      const scoped = /\(\s*\{\s*db\s*,\s*unitId\s*\}\s*:\s*UnitScope\s*\)|\(\s*scope\s*:\s*UnitScope\s*\)/.test(s);
      // The install's repositories work across units, and their file names say so: units (the install's units and
      // accounts), region (the comparison's aggregates), session (a session token names an account, whose unit
      // then becomes the request's scope), evaluation-link (the public answer link's token names an evaluation,
      // whose unit then becomes the scope).
      const crossUnit = /(units|region|session|evaluation-link)[\w-]*\.repository\.ts$/.test(f);
      return scoped || crossUnit ? [] : [rel(f)];
    });
    expect(offences).toEqual([]);
  });

  it('leaves no statement cache or transaction cast behind', () => {
    const offences = files(SRC).filter((f) => f.endsWith('.ts')).flatMap((f) => {
      const s = read(f);
      return [
        ...(/new WeakMap<[^>]*Statement/.test(s) ? [`${rel(f)}: a WeakMap statement cache`] : []),
        ...(/as unknown as Db\b/.test(s) ? [`${rel(f)}: a transaction cast to Db`] : []),
      ];
    });
    expect(offences).toEqual([]);
  });
});
