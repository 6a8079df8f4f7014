import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { startEarlyRequests, type BootChunks } from './src/boot/early-requests.ts';
import { overviewReportPaths } from './src/boot/overview-report-paths.ts';
import { pagePaths } from './src/boot/page-paths.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * React Router 7's package exports name only its development build (dist/development: every dev warning on,
 * no NODE_ENV checks for a bundler to strip). Lighthouse's bootup-time had it as the largest single cost of a
 * first render on a phone, ahead of react-dom. The build takes dist/production instead, the same API without
 * the warnings; the dev server keeps the warnings.
 */
function reactRouterProduction() {
  const require = createRequire(path.join(here, 'package.json'));
  const fromDom = createRequire(require.resolve('react-router-dom'));
  // .../react-router/dist/development/index.js -> .../react-router/dist/production/
  const dist = path.join(path.dirname(path.dirname(fromDom.resolve('react-router'))), 'production');
  return [
    { find: /^react-router$/, replacement: path.join(dist, 'index.mjs') },
    { find: /^react-router\/dom$/, replacement: path.join(dist, 'dom-export.mjs') },
  ];
}

/** The page a first load of each address shows, whose chunk the boot script preloads (App.tsx's lazy routes). */
const PAGE_CHUNKS: Record<string, string[]> = {
  '/logga-in': ['src/pages/LoginPage.tsx'],
  '/': ['src/pages/ActivityFormPage.tsx'],
  '/aktiviteter': ['src/pages/ActivityListPage.tsx'],
  '/aktiviteter/:id': ['src/pages/ActivityFormPage.tsx'],
  // Chart.js only fetched here (a modulepreload does not run it): the page runs it once its headings are drawn.
  '/oversikt': ['src/pages/OverviewPage.tsx'],
  '/plan': ['src/pages/PlanPage.tsx'],
  // The evaluation answer page: a participant's phone on conference Wi-Fi, the first and only page they open.
  '/svar/:token': ['src/features/evaluations/PublicAnswerPage.tsx'],
};

/**
 * The boot script (src/boot/early-requests.ts) as an asset of its own, with the built names of each page's
 * chunks (and the chunks those import that the entry does not), loaded async from index.html's head: it starts
 * the session request and the page's chunk while the app's bundle is still on its way.
 */
function bootScript(): Plugin {
  return {
    name: 'fou-boot-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const dep of byFile.get(file)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) this.error('no entry chunk');
      const withEntry = closure(entry.fileName);
      // A chunk's files that the entry does not already bring.
      const ownFiles = (src: string) => {
        const chunk = chunks.find((c) => c.facadeModuleId === path.join(here, src));
        if (!chunk) this.error(`no chunk of its own for ${src}`);
        return [...closure(chunk.fileName)].filter((f) => !withEntry.has(f)).map((f) => `/${f}`);
      };
      const bootChunks: BootChunks = {
        pages: Object.fromEntries(Object.entries(PAGE_CHUNKS).map(([route, sources]) => [route, [...new Set(sources.flatMap(ownFiles))]])),
        english: ownFiles('src/i18n/messages.en.ts'),
      };
      const ref = this.emitFile({ type: 'asset', name: 'boot.js', source: `(${startEarlyRequests.toString()})(${JSON.stringify(bootChunks)}, ${overviewReportPaths.toString()}, ${pagePaths.toString()});\n` });
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') this.error('index.html is not in the bundle');
      html.source = String(html.source).replace('</title>', `</title>\n    <script async src="/${this.getFileName(ref)}"></script>`);
    },
  };
}

export default defineConfig(({ command }) => ({
  resolve: { alias: command === 'build' ? reactRouterProduction() : [] },
  plugins: [
    react(),
    bootScript(),
    // Brotli and gzip copies of every text file beside it (app.js.br, app.js.gz), made once at build time at the
    // highest levels: the API serves them as they are (@fastify/static preCompressed) and spends no CPU per request.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      logLevel: 'silent',
    }),
  ],
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry needs in one file: left to itself the bundler split it into six (the modules the lazy
          // pages share with the entry each became a chunk), and on HTTP/1.1 a phone fetches six files at a time.
          groups: [
            { name: 'app', tags: ['$initial'] },
            { name: 'shared', test: (id: string) => /[\\/]src[\\/]/.test(id) && !/ChartCanvas|chart\.js/.test(id), minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    // The API serves the built SPA in production; in development Vite serves it and forwards the API calls.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
}));
