import { describe, expect, it } from 'vitest';
import { sessionCookieOptions } from '../../../src/lib/server/auth/cookies';
import { csrfProblem } from '../../../src/lib/server/auth/csrf';
import { applySecurityHeaders, cspHeaderValue, NON_PAGE_CSP, pageCspDirectives } from '../../../src/lib/server/auth/headers';

const URL_ = 'http://127.0.0.1:3000/api/auth/logout';
const req = (method: string, headers: Record<string, string> = {}) => new Request(URL_, { method, headers });

describe('CSRF origin check', () => {
  it('lets reads through whatever their origin', () => {
    expect(csrfProblem(req('GET', { origin: 'https://evil.example' }))).toBeNull();
    expect(csrfProblem(req('HEAD', { 'sec-fetch-site': 'cross-site' }))).toBeNull();
  });

  it('accepts a same-origin write by Origin or, without one, by Referer', () => {
    expect(csrfProblem(req('POST', { origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(csrfProblem(req('DELETE', { referer: 'http://127.0.0.1:3000/admin/users?x=1' }))).toBeNull();
    expect(csrfProblem(req('POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
  });

  it('refuses writes from another origin, scheme or port, and opaque origins', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(csrfProblem(req(method, { origin: 'https://evil.example' }))).toMatch(/origin/);
    }
    expect(csrfProblem(req('POST', { origin: 'https://127.0.0.1:3000' }))).not.toBeNull();
    expect(csrfProblem(req('POST', { origin: 'http://127.0.0.1:3001' }))).not.toBeNull();
    expect(csrfProblem(req('POST', { origin: 'null' }))).not.toBeNull();
    expect(csrfProblem(req('POST', { referer: 'https://evil.example/page' }))).toMatch(/referer/);
    expect(csrfProblem(req('POST', { referer: 'not a url' }))).toMatch(/referer/);
  });

  it('refuses what the browser marks cross-site even with a matching Origin', () => {
    expect(csrfProblem(req('POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }))).toMatch(/cross-site/);
  });

  it('lets through a write with neither header: a non-browser client, carrying no victim cookies', () => {
    expect(csrfProblem(req('POST'))).toBeNull();
  });
});

describe('session cookie options', () => {
  it('are HttpOnly, SameSite=Lax, Path=/, Secure only over HTTPS', () => {
    expect(sessionCookieOptions('http://127.0.0.1:3000/x')).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
    expect(sessionCookieOptions('https://hci.example.cn/x').secure).toBe(true);
  });
});

describe('security headers', () => {
  it('page CSP allows no inline or eval script and no framing', () => {
    expect(pageCspDirectives['script-src']).toEqual(['self']);
    const value = cspHeaderValue();
    const scriptSrc = value.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toMatch(/unsafe/);
    expect(value).toContain("frame-ancestors 'none'");
    expect(value).toContain("object-src 'none'");
  });

  it('adds nosniff, a referrer policy and a lock-down CSP to non-page responses', () => {
    const res = applySecurityHeaders(new Response('{}', { headers: { 'content-type': 'application/json' } }), false);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('content-security-policy')).toBe(NON_PAGE_CSP);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it("keeps SvelteKit's page CSP, forbids framing of a page without one, adds HSTS over HTTPS", () => {
    const kit = new Response('<html>', {
      headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'self' 'nonce-abc'" }
    });
    expect(applySecurityHeaders(kit, true).headers.get('content-security-policy')).toBe("script-src 'self' 'nonce-abc'");
    expect(kit.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const bare = applySecurityHeaders(new Response('<html>', { headers: { 'content-type': 'text/html' } }), false);
    expect(bare.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });
});
