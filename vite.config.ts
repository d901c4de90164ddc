import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  // Rollup otherwise splits the client into ~100 chunks, a page loading 30-40 of them, many under
  // 1 KB: each a request behind the browser's six connections. Side-effect-free chunks under
  // 20 KB are merged into the chunks loaded with them (a page now loads ~17).
  build: { rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
  test: {
    include: ['test/**/*.test.ts'],
    // Simulator and pipeline tests write real files and run real DuckDB: give them room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
});
