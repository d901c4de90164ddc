// Cross-site request forgery defence for the Hono API. SvelteKit's `csrf.checkOrigin` only
// covers form posts to pages; /api is served by Hono, whose middleware (api/access.ts,
// csrfCheck) asks this once per request.
//
// The rule: a state-changing request is refused when the browser says it is cross-site
// (Sec-Fetch-Site), or when its Origin, or failing that its Referer, is not this server's
// origin. Browsers send Origin on every POST/PUT/PATCH/DELETE, so a request with neither
// header comes from a non-browser client (curl, a script), which cannot ride on a user's
// cookies and is let through. Together with SameSite=Lax cookies and JSON-only bodies
// (a cross-site JSON POST needs a CORS preflight we never grant), this makes a
// double-submit token unnecessary.
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why `request` looks forged, or null when it may proceed. */
export function csrfProblem(request: Request): string | null {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return null;
  const expected = new URL(request.url).origin;
  if (request.headers.get('sec-fetch-site') === 'cross-site') return 'cross-site request';
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === expected ? null : `origin ${origin} is not ${expected}`;
  const referer = request.headers.get('referer');
  if (referer !== null) {
    let refererOrigin: string;
    try {
      refererOrigin = new URL(referer).origin;
    } catch {
      return 'unparseable referer';
    }
    return refererOrigin === expected ? null : `referer from ${refererOrigin} is not ${expected}`;
  }
  return null;
}
