/**
 * Compression of what the server sends. Two paths:
 *   - the SPA's files were compressed once at build time (vite-plugin-compression2 writes app.js.br and app.js.gz
 *     beside app.js); @fastify/static picks the copy the browser accepts (`preCompressed` in app.ts), and those
 *     answers already carry Content-Encoding, so the hook below leaves them alone;
 *   - API answers are compressed as they go out, brotli or gzip by Accept-Encoding, once they reach 1 KB. A
 *     registered activity's answer is smaller than that, so the write path pays nothing but the size check.
 * XLSX is a zip archive already: its content type is not compressible (mime-db), so it passes through as it is.
 */
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this, compressing saves fewer bytes than the header and CPU cost are worth. */
export const COMPRESS_THRESHOLD = 1024;
const SYNC_THRESHOLD = 1024 * 1024;

/** Registers compression for every route registered after it: call before the routes and the static files. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    // Brotli first (smaller, every current browser sends it), gzip for the rest. @fastify/compress keeps brotli at
    // quality 4 for answers made per request: 11 would cost tens of milliseconds on a report.
    encodings: ['br', 'gzip'],
    // Nobody sends the API compressed request bodies: no decompression hook on every write.
    globalDecompression: false,
    // Every buffered answer up to 1 MB (the largest, a 500-row list page of ~430 KB, takes ~0.4 ms at brotli 4) is
    // compressed in one call on the main thread. Above the plugin's default (8 KB on two cores) it would stream
    // through libuv's worker threads, whose own malloc arenas kept ~30–60 MB more resident after a thousand list
    // pages in the bench.
    syncThreshold: SYNC_THRESHOLD,
  });
}
