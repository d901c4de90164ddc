// Server hooks: sign-in first (the session cookie becomes locals.caller, signed-out pages go to
// /login, every response gets the security headers), then the reader's language.
import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { pino } from 'pino';
import { localeHandle } from '#lib/i18n/handle.js';
import { badParameter } from '#lib/server/api/errors.js';
import { authHandle } from '#lib/server/auth/handle.js';

/**
 * An /api path that is not valid percent-encoding cannot reach a route (SvelteKit fails to
 * decode it): it gets the API's own JSON 400 rather than the HTML error page.
 */
const apiPathHandle: Handle = ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/api/')) {
    try {
      decodeURIComponent(event.url.pathname);
    } catch {
      return badParameter('path', 'The path is not valid percent-encoded UTF-8').response();
    }
  }
  return resolve(event);
};

export const handle = sequence(authHandle, apiPathHandle, localeHandle);

const log = pino({ name: 'hci-server' });

/** The runtime is the project's own (the `node` package): the log says which one serves. */
export const init: ServerInit = () => {
  log.info({ node: process.version }, `server starting on Node ${process.version}`);
};

/** The details stay in the server's log: no stack trace, SQL or path reaches a client. */
export const handleError: HandleServerError = ({ kind, error, event }) => {
  // Errors we raise with error() and SvelteKit's own (a 404) keep their status and message: a
  // client's mistake is answered, not logged as the server's fault.
  if (kind !== 'unknown') return;
  log.error({ err: error, path: event.url.pathname }, 'unhandled error');
  return { message: 'Internal error' };
};
