// The remembered language, read on the server so the first render is already in it, and who
// is signed in (set on locals by the sign-in hook; null when signed out).
import { LOCALE_COOKIE, parseLocale } from '#lib/i18n/locale.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ cookies, locals }) => ({
  locale: parseLocale(cookies.get(LOCALE_COOKIE)),
  user: locals.caller ?? null
});
