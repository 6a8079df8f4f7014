import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    // The API serves the built SPA in production; in development Vite serves it and forwards the API calls.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
