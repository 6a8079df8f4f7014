import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { startEarlyRequests, type RouteChunks } from './src/boot/early-requests.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The page a first load of each address shows, whose chunk the boot script preloads (App.tsx's lazy routes). */
const PAGE_CHUNKS: Record<string, string[]> = {
  '/logga-in': ['src/pages/LoginPage.tsx'],
  '/': ['src/pages/ActivityFormPage.tsx'],
  '/aktiviteter': ['src/pages/ActivityListPage.tsx'],
  '/aktiviteter/:id': ['src/pages/ActivityFormPage.tsx'],
  '/oversikt': ['src/pages/OverviewPage.tsx'],
  '/plan': ['src/pages/PlanPage.tsx'],
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
      const routeChunks: RouteChunks = {};
      for (const [route, sources] of Object.entries(PAGE_CHUNKS)) {
        const files = new Set<string>();
        for (const src of sources) {
          const chunk = chunks.find((c) => c.facadeModuleId === path.join(here, src));
          if (!chunk) this.error(`no chunk of its own for ${src}`);
          for (const f of closure(chunk.fileName)) if (!withEntry.has(f)) files.add(`/${f}`);
        }
        routeChunks[route] = [...files];
      }
      const ref = this.emitFile({ type: 'asset', name: 'boot.js', source: `(${startEarlyRequests.toString()})(${JSON.stringify(routeChunks)});\n` });
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') this.error('index.html is not in the bundle');
      html.source = String(html.source).replace('</title>', `</title>\n    <script async src="/${this.getFileName(ref)}"></script>`);
    },
  };
}

export default defineConfig({
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
  server: {
    // The API serves the built SPA in production; in development Vite serves it and forwards the API calls.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
