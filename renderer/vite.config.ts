import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './', // Electron loads the build from file://
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // The HQ console (renderer/console/) is a second page of the same build, served by HQ under /console/.
    rollupOptions: { input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), console: fileURLToPath(new URL('./console/index.html', import.meta.url)) } },
  },
});
