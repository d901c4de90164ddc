import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { pageCspDirectives } from './src/lib/server/auth/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // SvelteKit writes the pages' Content-Security-Policy and puts a nonce on its own inline
    // script, so script-src needs no 'unsafe-inline'. csrf.checkOrigin stays on (the default):
    // it guards form actions; /api has its own guard (src/lib/server/auth/csrf.ts).
    csp: { mode: 'auto', directives: pageCspDirectives }
  }
};

export default config;
