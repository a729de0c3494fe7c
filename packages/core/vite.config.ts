import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the peak worker is found next to the module that loads it, wherever the
  // host's bundler puts the package.
  base: './',
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: 'index',
    },
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      external: [/^valibot(\/.*)?$/],
    },
  },
});
