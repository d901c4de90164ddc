// Security headers for every response. Pages get their Content-Security-Policy from
// SvelteKit (`kit.csp` with pageCspDirectives, which adds nonces for its inline script);
// everything else (API responses, files) gets a policy that allows nothing to run.
import { pageCspDirectives } from './csp.js';

export { pageCspDirectives };

/** For responses that are not pages: JSON, CSV, XLSX, PDF, Arrow. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);

/** `pageCspDirectives` as a header value (what SvelteKit sends, less its nonce). */
export function cspHeaderValue(directives: Record<string, string[]> = pageCspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources.map((s) => (KEYWORDS.has(s) ? `'${s}'` : s))].join(' '))
    .join('; ');
}

/**
 * Add the security headers to `response` in place (and return it). A CSP already set (by
 * SvelteKit, on pages) is left alone; `https` adds HSTS.
 */
export function applySecurityHeaders(response: Response, https: boolean): Response {
  const h = response.headers;
  if (!h.has('content-security-policy')) {
    const isPage = (h.get('content-type') ?? '').startsWith('text/html');
    // A page reaching here was not given SvelteKit's nonce-carrying policy (kit.csp is not
    // configured); a script-src without its nonce would blank the page, so only framing is
    // forbidden.
    h.set('content-security-policy', isPage ? "frame-ancestors 'none'" : NON_PAGE_CSP);
  }
  h.set('x-content-type-options', 'nosniff');
  h.set('referrer-policy', 'strict-origin-when-cross-origin');
  // For browsers that predate frame-ancestors.
  h.set('x-frame-options', 'DENY');
  h.set('cross-origin-opener-policy', 'same-origin');
  h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (https) h.set('strict-transport-security', 'max-age=31536000');
  return response;
}
