// Calendar arithmetic on YYYY-MM-DD strings: shared with the pages (../../contract/periods.ts),
// plus what only the query builder needs.
import { addDays, monthStart } from '../../contract/periods';

export {
  addDays,
  addMonths,
  compareShift,
  daysBetween,
  formatDay,
  monthStart,
  parseDay,
  shiftBack,
  type Shift
} from '../../contract/periods';

/** True when the range is whole calendar months, so the monthly rollups can answer it. */
export function wholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && monthStart(addDays(to, 1)) === addDays(to, 1);
}
