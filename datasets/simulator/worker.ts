// A generation worker: builds the world once, then makes the days the main thread hands it.
import { parentPort, workerData } from 'node:worker_threads';
import { loadReference } from '../reference/index';
import { makeDay, type DayJob } from './day';
import { Plan } from './plan';
import { scaleByName } from './scales';
import { World } from './world';

export interface WorkerInit {
  job: DayJob;
  scale: string;
  referenceDir?: string;
}

const init = workerData as WorkerInit;
const world = new World(loadReference(init.referenceDir), scaleByName(init.scale));
const plan = new Plan(world, init.job.seed);

parentPort!.on('message', (date: string | null) => {
  if (date === null) {
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ ok: true, result: makeDay(world, plan, init.job, date) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, date, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
