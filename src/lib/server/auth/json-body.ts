// Reading a JSON request body for the auth and admin routes.
import type { Context, Env } from 'hono';
import type { z } from 'zod';

/**
 * The body checked against `schema`, or null for anything else (another content type, bad
 * JSON, a wrong shape). Requiring application/json means a cross-site form or a no-cors
 * fetch, which cannot send that type without a CORS preflight, never reaches a handler.
 */
export async function jsonBody<E extends Env, T>(c: Context<E>, schema: z.ZodType<T>): Promise<T | null> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return null;
  try {
    const parsed = schema.safeParse(await c.req.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const BAD_REQUEST = { error: 'bad_request', message: 'Expected a JSON body with the documented fields.' } as const;
