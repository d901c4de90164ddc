// Every /api request goes to the Hono app (src/lib/server/api/app.ts), with the caller decided
// by the one function that decides it. The app is made on the first request, so importing this
// module (as the build's analysis does) opens no warehouse.
import type { RequestHandler } from './$types';
import { createApi } from '$lib/server/api/app';
import { callerFrom } from '$lib/server/caller';
import { serverWarehouse } from '$lib/server/warehouse';

let api: ReturnType<typeof createApi> | undefined;

const handle: RequestHandler = ({ request, locals }) => {
  api ??= createApi({ warehouse: serverWarehouse() });
  return api.fetch(request, { caller: callerFrom(locals) });
};

export const GET = handle;
export const HEAD = handle;
export const fallback = handle;
