// The indicator catalogue, validated once when this module loads (server start-up). An invalid
// entry is reported with its id and left out; the rest of the catalogue keeps working.
import { ASSETS } from './catalogue/assets';
import { PUBLIC_HEALTH } from './catalogue/public-health';
import { REFORM } from './catalogue/reform';
import { CARE_SERVICES } from './catalogue/services-care';
import { PLATFORM_SERVICES } from './catalogue/services-platform';
import { publicIndicator, validateCatalogue, type IndicatorEntry } from './schema';

export { DIMENSIONS, dimension, valueName } from './dimensions';
export { martTable, type MartTable } from './tables';
export {
  appliesToOf,
  grainsOf,
  publicIndicator,
  validateCatalogue,
  type CatalogueError,
  type IndicatorEntry,
  type Measure
} from './schema';

const validated = validateCatalogue([...PLATFORM_SERVICES, ...CARE_SERVICES, ...REFORM, ...PUBLIC_HEALTH, ...ASSETS]);
for (const e of validated.errors) console.error(`indicator catalogue: ${e.id} left out: ${e.message}`);

export const CATALOGUE: readonly IndicatorEntry[] = validated.entries;
export const CATALOGUE_ERRORS = validated.errors;
export const INDICATORS = CATALOGUE.map(publicIndicator);

const byId = new Map(CATALOGUE.map((e) => [e.id, e]));

export function indicatorEntry(id: string): IndicatorEntry | undefined {
  return byId.get(id);
}
