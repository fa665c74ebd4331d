import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build. `base: './'` keeps asset URLs relative, so the same build loads from Electron's
// file:// origin and from the browser mode's server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
});
