// Same seed, same bytes: whether days are made in this thread or spread over worker threads.
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../datasets/simulator/generate';
import { removeDir, tempDir, treeDigest } from '../../helpers/landing';

const dirs: string[] = [];
const run = async (seed: number, workers: number) => {
  const out = tempDir('det');
  dirs.push(out);
  await generate({ scale: 'tiny', from: '2025-01-25', to: '2025-02-02', seed, out, dirtyRate: 0.01, workers });
  return treeDigest(out);
};
afterAll(() => dirs.forEach(removeDir));

describe('determinism', () => {
  it('writes identical files for the same seed, in-process or in two workers', async () => {
    const inProcess = await run(42, 0);
    const inWorkers = await run(42, 2);
    expect(inWorkers).toBe(inProcess);
  });

  it('writes different data for a different seed', async () => {
    expect(await run(43, 0)).not.toBe(await run(42, 0));
  });

  it('regenerating a range into the same folder replaces it byte for byte', async () => {
    const out = tempDir('det-rerun');
    dirs.push(out);
    const options = { scale: 'tiny' as const, from: '2025-03-01', to: '2025-03-04', seed: 5, out, dirtyRate: 0.05, workers: 0 };
    await generate(options);
    const first = treeDigest(out);
    await generate(options);
    expect(treeDigest(out)).toBe(first);
  });
});
