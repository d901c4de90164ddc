// The admin page is for admins only; the /api/admin routes it calls refuse anyone else too
// (and audit the attempt), this only spares other roles a page of refusals.
import { error } from '@sveltejs/kit';
import { canAdmin } from '#lib/server/auth/roles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.caller || !canAdmin(locals.caller)) error(403, 'Only administrators may open this page.');
};
