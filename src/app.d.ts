// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Caller } from '#lib/contract/contract.js';
import type { ActiveSession } from '#lib/server/auth/sessions.js';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in user as the API sees them; null when signed out (src/lib/server/auth/handle.ts). */
      caller: Caller | null;
      session: ActiveSession | null;
    }
  }
}

export {};
