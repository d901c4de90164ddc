// The pages' Content-Security-Policy, as SvelteKit's `kit.csp.directives`. Plain JS so that
// svelte.config.js (loaded by Node without TypeScript) can import it; headers.ts and the
// tests read the same object. SvelteKit adds a nonce or hash for its own inline bootstrap
// script, so script-src needs no 'unsafe-inline'. Styles keep 'unsafe-inline': Svelte and
// ECharts set inline styles, which cannot run code.

/** @type {Record<string, string[]>} */
export const pageCspDirectives = {
  'default-src': ['self'],
  'script-src': ['self'],
  'style-src': ['self', 'unsafe-inline'],
  'img-src': ['self', 'data:', 'blob:'],
  'font-src': ['self'],
  'connect-src': ['self'],
  'worker-src': ['self', 'blob:'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
  'frame-ancestors': ['none']
};
