// The figures of the monthly report: for each headline indicator, the 13 months ending with the
// report's month in one query (the month, the month before and the same month a year earlier are
// three of them; all 13 draw the trend charts), asked of the API's resolver as GET /api/query
// would be (grain=month, limit=13), so scope, applicability and suppression are decided there:
// an indicator without monthly figures, or one that means nothing for the org unit, is left out.
import type { DuckDBConnection } from '@duckdb/node-api';
import { TOO_FEW, type Caller, type Figure, type ReportFigure, type ReportKpi, type ReportResponse } from '../../contract/contract';
import { comparisonCovered } from '../../contract/periods';
import { answer, resolveIfApplicable, resolveOrg } from '../api/resolve';
import { toRows } from '../formats/json';
import { addDays, addMonths } from '../query/periods';
import type { Snapshot } from '../warehouse';

/** The headline indicators, in the table's order: platform services, referral, reform, public health, hospitals. */
export const REPORT_INDICATORS = [
  'settlement_count',
  'face_scan_share',
  'face_verify_pass_rate',
  'appointment_count',
  'referral_applications',
  'referral_success_rate',
  'urgent_referral_time_to_admission',
  'recognition_visits',
  'recognition_savings',
  'online_consultations',
  'ems_arrival_minutes',
  'primary_care_visit_share',
  'in_county_inpatient_rate',
  'outpatient_cost_per_visit',
  'inpatient_cost_per_stay',
  'drug_cost_share',
  'family_doctor_contract_rate',
  'bed_occupancy_rate',
  'average_length_of_stay'
] as const;

const MONTHS = 13;

/** The first days of the 13 months ending with `month` (YYYY-MM), oldest first. */
export function reportMonths(month: string): string[] {
  const last = `${month}-01`;
  return Array.from({ length: MONTHS }, (_, i) => addMonths(last, i - (MONTHS - 1)));
}

/**
 * The report of `orgCode` for `month` as `caller` may see it. Throws the scope check's 403
 * (an org unit outside the caller's scope, a manager's prefecture is a benchmark and allowed).
 */
export async function monthlyReportData(
  connection: DuckDBConnection,
  snapshot: Snapshot,
  caller: Caller,
  orgCode: string | undefined,
  month: string
): Promise<ReportResponse> {
  const { org } = resolveOrg(caller, snapshot, orgCode);
  const months = reportMonths(month);
  const from = months[0];
  const to = addDays(addMonths(months[MONTHS - 1], 1), -1);
  const kpis: ReportKpi[] = [];
  for (const indicator of REPORT_INDICATORS) {
    const params = {
      indicator,
      from,
      to,
      grain: 'month',
      org: orgCode,
      compare: 'none',
      limit: MONTHS,
      format: 'json',
      download: '0',
      lang: 'zh'
    } as const;
    const resolved = resolveIfApplicable(params, caller, snapshot);
    if (!resolved) continue;
    const { entry } = resolved;
    const rows = toRows(await answer(connection, resolved));
    // A hidden rate, median or mean reads 样本不足 (TOO_FEW), a hidden count "<5".
    const byPeriod = new Map<string, ReportFigure | null>(
      rows.map((r) => [r.period, r.value_note === TOO_FEW ? TOO_FEW : (r.value as Figure | null)])
    );
    const at = (i: number): ReportFigure | null => byPeriod.get(months[i]) ?? null;
    // The dashboard's rule for a month whose comparison starts before the first day with data.
    const compared = (i: number, compare: 'previous' | 'yoy') =>
      comparisonCovered({ from: months[MONTHS - 1], to }, compare, snapshot.dataFrom, 'month') ? at(i) : null;
    kpis.push({
      indicator: entry.id,
      name: entry.name,
      unit: entry.unit,
      format: entry.format,
      target: entry.target ? { value: entry.target.value, op: entry.target.op } : null,
      value: at(MONTHS - 1),
      previousMonth: compared(MONTHS - 2, 'previous'),
      sameMonthLastYear: compared(0, 'yoy'),
      trend: months.map((_, i) => {
        const v = at(i);
        return typeof v === 'number' ? v : null;
      })
    });
  }
  const { county: _county, ...unit } = org;
  return { org: unit, month, months, dataVersion: snapshot.dataVersion, kpis };
}
