import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['test/**/*.test.ts'],
    // Simulator and pipeline tests write real files and run real DuckDB: give them room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
});
