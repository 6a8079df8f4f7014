#!/usr/bin/env node
/**
 * Bundles the API into dist/server.mjs for `pnpm start`: plain JavaScript starts faster and takes about a
 * third less memory than compiling TypeScript in the process (tsx), which `pnpm dev` and the tests still do.
 * npm packages stay external (node loads them from node_modules); the workspace's own packages go in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@fou/')),
  logLevel: 'warning',
});
