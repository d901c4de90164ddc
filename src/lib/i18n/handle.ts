// Server hook: the remembered language decides <html lang> in the server-rendered page, so
// screen readers and fonts pick the right language before any script runs.
import type { Handle } from '@sveltejs/kit/hooks';
import { htmlLang, LOCALE_COOKIE, parseLocale } from './locale';

export const localeHandle: Handle = ({ event, resolve }) => {
  const lang = htmlLang(parseLocale(event.cookies.get(LOCALE_COOKIE)));
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%hci.lang%', lang) });
};
