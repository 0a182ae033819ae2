import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to static files served to Electron through the app:// scheme and by the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
});
