// The sign-in hook with a real session store; the SvelteKit event carries only what the
// hook reads (cookies, url, locals).
import type { RequestEvent } from '@sveltejs/kit';
import type { ResolveOptions } from '@sveltejs/kit/hooks';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/cookies';
import { createAuthHandle, type AuthLocals } from '../../../src/lib/server/auth/handle';
import { createSession, validateSession } from '../../../src/lib/server/auth/sessions';
import { addUser, testDeps } from './fixtures';

async function setup() {
  const deps = testDeps();
  await addUser(deps, 'alice');
  const { token } = createSession(deps.db, 'alice', deps.clock, deps.sessions);
  const handle = createAuthHandle((t) => validateSession(deps.db, t, deps.clock, deps.sessions));
  const run = async (url: string, cookie?: string) => {
    const locals = {} as AuthLocals;
    const event = {
      url: new URL(url),
      locals,
      cookies: { get: (name: string) => (name === SESSION_COOKIE ? cookie : undefined) }
    } as unknown as RequestEvent;
    let resolved = false;
    const resolve = async (_e: RequestEvent, _o?: ResolveOptions) => {
      resolved = true;
      return new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
    };
    const response = await handle({ event, resolve });
    return { response, locals, resolved };
  };
  return { token, run };
}

describe('authHandle', () => {
  it('puts the signed-in caller on locals and adds security headers', async () => {
    const { token, run } = await setup();
    const { response, locals, resolved } = await run('http://127.0.0.1:3000/reform', token);
    expect(resolved).toBe(true);
    expect(locals.caller).toEqual({ role: 'county', scopeOrg: '652301', username: 'alice' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends a signed-out page request to /login, keeping where it was going', async () => {
    const { run } = await setup();
    const { response, resolved, locals } = await run('http://127.0.0.1:3000/reform?org=652301', 'forged-or-expired');
    expect(resolved).toBe(false);
    expect(locals.caller).toBeNull();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Freform%3Forg%3D652301');
  });

  it('lets /login and /api through signed out, with caller null for the API to refuse', async () => {
    const { run } = await setup();
    expect((await run('http://127.0.0.1:3000/login')).resolved).toBe(true);
    const api = await run('http://127.0.0.1:3000/api/query?indicator=x');
    expect(api.resolved).toBe(true);
    expect(api.locals.caller).toBeNull();
  });
});
