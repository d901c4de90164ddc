// Defaults shared by the generate CLI, the demo and the benchmarks.
export const DEFAULT_SEED = 20241206;
/** A little dirt by default, so the quarantine has something to show. */
export const DEFAULT_DIRTY_RATE = 0.001;
export const DEFAULT_LANDING_DIR = process.env.HCI_LANDING_DIR ?? './data/landing';
