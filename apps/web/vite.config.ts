import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

export default defineConfig({
  plugins: [
    react(),
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
