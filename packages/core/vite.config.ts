import { defineConfig } from 'vite';

export default defineConfig({
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
