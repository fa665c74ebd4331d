import { defineConfig } from 'vite';

// The renderer build; the UI itself arrives with the app issues.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true },
});
