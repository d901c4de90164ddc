// The pipeline's record: runs, rows per feed, quarantine, checks and steps, from /api/runs.
import type { RunsResponse } from '#lib/contract/contract.js';
import { ApiError, getJson } from '#lib/data/api.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('hci:runs');
  try {
    return { runs: await getJson<RunsResponse>(fetch, '/api/runs'), error: null };
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err));
    return { runs: null, error: { status: e.status, code: e.code, message: e.message } };
  }
};
