// The dashboard's production build (frontend/dist), served by the backend at / (backend/src/dashboard.ts).
// Pages are split into their own chunks; recharts goes into one shared chunk loaded by the pages with charts.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (/node_modules\/(recharts|d3-|victory-vendor|@reduxjs|redux|immer|reselect|decimal\.js|eventemitter3|es-toolkit|use-sync-external-store|react-redux)/.test(id)) return 'charts';
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
