// Server hooks: sign-in first (the session cookie becomes locals.caller, signed-out pages go to
// /login, every response gets the security headers), then the reader's language.
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { pino } from 'pino';
import { localeHandle } from '$lib/i18n/handle';
import { badParameter } from '$lib/server/api/errors';
import { authHandle } from '$lib/server/auth/handle';

/**
 * An /api path that is not valid percent-encoding cannot reach a route (SvelteKit fails to
 * decode it): it gets the API's own JSON 400 rather than the HTML error page.
 */
const apiPathHandle: Handle = ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/api/')) {
    try {
      decodeURIComponent(event.url.pathname);
    } catch {
      const error = badParameter('path', 'The path is not valid percent-encoded UTF-8');
      return Response.json(error.body(), { status: error.status });
    }
  }
  return resolve(event);
};

export const handle = sequence(authHandle, apiPathHandle, localeHandle);

const log = pino({ name: 'hci-server' });

/** The details stay in the server's log: no stack trace, SQL or path reaches a client. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  // A client's mistake (4xx) is answered, not logged as the server's fault.
  if (status >= 500) log.error({ err: error, path: event.url.pathname, status }, 'unhandled error');
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
