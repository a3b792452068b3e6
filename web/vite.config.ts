import { defineConfig } from 'vite';

// `npm run build:web` → web/dist, served by `bulwark serve`. `npx vite web` for development proxies the API.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // The front end imports src/core through each folder's index.ts (docs/architecture.md); core modules
    // are pure, so what the pages do not use is left out of the bundle.
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.includes('/src/core/') } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
