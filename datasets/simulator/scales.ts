// Named sizes of a simulation. Volumes are the prefecture's multiplied by `factor`; the
// residents are 1.63M x factor; institutions are always the prefecture's 575.
import { LAUNCH_DATE } from './calendar';

export interface Scale {
  name: ScaleName;
  factor: number;
  from: string;
  to: string;
  description: string;
}

export const SCALE_NAMES = ['tiny', 'small', 'prefecture', 'province'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export const SCALES: Record<ScaleName, Scale> = {
  tiny: {
    name: 'tiny',
    factor: 1 / 200,
    from: '2025-03-01',
    to: '2025-03-14',
    description: 'two weeks at 1/200 of the volumes: tests, in seconds'
  },
  small: {
    name: 'small',
    factor: 1 / 20,
    from: LAUNCH_DATE,
    to: '2025-12-31',
    description: 'the whole window at 1/20 of the volumes: calibration tests, development'
  },
  prefecture: {
    name: 'prefecture',
    factor: 1,
    from: LAUNCH_DATE,
    to: '2025-12-31',
    description: 'the default: Changji prefecture, 1.63M residents, launch to the end of 2025'
  },
  province: {
    name: 'province',
    factor: 10,
    from: LAUNCH_DATE,
    to: '2025-12-31',
    description: "ten times the prefecture's volumes on its institutions: scale tests"
  }
};

export function scaleByName(name: string): Scale {
  if (!(SCALE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown scale "${name}"; choose one of ${SCALE_NAMES.join(', ')}`);
  }
  return SCALES[name as ScaleName];
}
