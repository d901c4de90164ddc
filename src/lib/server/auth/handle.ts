// The sign-in hook: the session cookie becomes `event.locals.caller` (null when signed out),
// signed-out page requests are sent to /login, and every response gets the security
// headers. hooks.server.ts runs it first: `sequence(authHandle, localeHandle)`.
import type { Handle } from '@sveltejs/kit/hooks';
import type { Caller } from '../../contract/contract';
import { SESSION_COOKIE } from './cookies';
import { sessionForToken } from './deps';
import { applySecurityHeaders } from './headers';
import { callerForUser } from './roles';
import type { ActiveSession } from './sessions';

/** Pages a signed-out visitor may open. /api answers 401 itself, as JSON. */
export const PUBLIC_PAGES: ReadonlySet<string> = new Set(['/login']);

export interface AuthLocals {
  caller: Caller | null;
  session: ActiveSession | null;
}

export function createAuthHandle(sessionFor: (token: string | undefined) => ActiveSession | null): Handle {
  return async ({ event, resolve }) => {
    // Validating also restarts the idle timer and deletes an expired session.
    const session = sessionFor(event.cookies.get(SESSION_COOKIE));
    const locals: AuthLocals = { session, caller: session ? callerForUser(session.user) : null };
    Object.assign(event.locals, locals);

    const https = event.url.protocol === 'https:';
    const path = event.url.pathname;
    const isApi = path === '/api' || path.startsWith('/api/');
    if (!session && !isApi && !PUBLIC_PAGES.has(path)) {
      const next = encodeURIComponent(path + event.url.search);
      return applySecurityHeaders(new Response(null, { status: 303, headers: { location: `/login?next=${next}` } }), https);
    }
    return applySecurityHeaders(await resolve(event), https);
  };
}

/** Over the application database in $HCI_DATA_DIR. */
export const authHandle: Handle = createAuthHandle(sessionForToken);
