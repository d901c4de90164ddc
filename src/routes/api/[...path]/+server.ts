// Every /api request goes to the Hono app (src/lib/server/api/app.ts), with the caller decided
// by the one function that decides it, the session the sign-in hook validated (the sign-in
// routes read it rather than check the cookie again) and the client address (adapter-node's
// ADDRESS_HEADER and XFF_DEPTH make it the client's behind a proxy: sign-in throttling per
// address relies on it).
// The app is made on the first request, so importing this module (as the build's analysis does)
// opens no warehouse.
import type { RequestHandler } from './$types';
import { createApi } from '#lib/server/api/app.js';
import { callerFrom } from '#lib/server/caller.js';
import { serverWarehouse } from '#lib/server/warehouse.js';

let api: ReturnType<typeof createApi> | undefined;

const handle: RequestHandler = (event) => {
  api ??= createApi({ warehouse: serverWarehouse() });
  return api.fetch(event.request, {
    caller: callerFrom(event.locals),
    session: event.locals.session,
    address: event.getClientAddress()
  });
};

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const fallback = handle;
