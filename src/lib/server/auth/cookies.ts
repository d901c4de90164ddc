// The session cookie: HttpOnly so page scripts cannot read it, SameSite=Lax so other sites
// cannot send it with their POSTs, Secure whenever the request came over HTTPS. It has no
// Max-Age: it ends with the browser, and the server enforces the idle and absolute limits.
export const SESSION_COOKIE = 'hci_session';

export interface CookieOptions {
  path: '/';
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
}

/** Options in the shape both SvelteKit's `cookies.set` and Hono's `setCookie` take. */
export function sessionCookieOptions(requestUrl: string | URL): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: new URL(requestUrl).protocol === 'https:' };
}
