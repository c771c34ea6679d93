import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Monaco is large and lazily loaded in its own chunk; the warning limit is raised for it alone.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
  server: { host: '127.0.0.1' },
});
