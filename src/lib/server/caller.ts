// Who is calling: decided here and only here. Until sign-in exists every request is an official
// of the prefecture; the sign-in hook will put the signed-in user on event.locals.caller and
// this function passes it through.
import type { Caller } from '../api/contract';

export const DEFAULT_CALLER: Caller = { role: 'official', scopeOrg: '652300' };

export function callerFrom(locals: object): Caller {
  // Read without a type of its own: App.Locals gains `caller` with the sign-in work.
  return (locals as { caller?: Caller }).caller ?? DEFAULT_CALLER;
}
