// Server hooks: sign-in first (the session cookie becomes locals.caller, signed-out pages go to
// /login, every response gets the security headers), then the reader's language.
import type { HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { pino } from 'pino';
import { localeHandle } from '$lib/i18n/handle';
import { authHandle } from '$lib/server/auth/handle';

export const handle = sequence(authHandle, localeHandle);

const log = pino({ name: 'hci-server' });

/** The details stay in the server's log: no stack trace, SQL or path reaches a client. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) log.error({ err: error, path: event.url.pathname, status }, 'unhandled error');
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
