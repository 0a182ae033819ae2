import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to static files served to Electron through the app:// scheme and by the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // A desktop app loads its bundle from local disk: one larger chunk costs nothing noticeable.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
