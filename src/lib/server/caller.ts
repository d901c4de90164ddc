// Who is calling: decided here and only here. The sign-in hook (auth/handle.ts) puts the
// signed-in user on event.locals.caller, null when signed out; the API answers null with 401.
import type { Caller } from '../contract/contract';

export function callerFrom(locals: App.Locals): Caller | null {
  return locals.caller ?? null;
}
