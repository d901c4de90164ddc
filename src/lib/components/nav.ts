// The dashboard's pages, in menu order. `filters`: the page reads the org/period filters, so
// links to it carry them along. `targets`: the indicators with a target the page shows (as a
// tile or chart), where the overview's target panel links them; test/lib/nav.test.ts checks the
// list against the catalogue and the pages' sources.
import type { QueryParams } from '#lib/dashboard-state/url-state.js';
import type { MessageKey } from '#lib/i18n/index.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  filters: boolean;
  targets?: readonly string[];
}

export const NAV: readonly NavItem[] = [
  { path: '/', label: 'nav.overview', filters: true },
  { path: '/settlement', label: 'nav.settlement', filters: true, targets: ['face_scan_coverage', 'face_verify_pass_rate'] },
  {
    path: '/referral',
    label: 'nav.referral',
    filters: true,
    targets: [
      'urgent_referral_time_to_admission',
      'ems_arrival_minutes',
      'ems_mean_arrival_minutes',
      'ems_dispatch_minutes',
      'remote_ecg_turnaround'
    ]
  },
  { path: '/recognition', label: 'nav.recognition', filters: true },
  {
    path: '/reform',
    label: 'nav.reform',
    filters: true,
    targets: ['primary_care_visit_share', 'in_county_inpatient_rate', 'drug_cost_share', 'materials_per_100_yuan', 'service_revenue_share']
  },
  {
    path: '/public-health',
    label: 'nav.public_health',
    filters: true,
    targets: [
      'health_record_coverage',
      'family_doctor_contract_rate',
      'key_group_contract_rate',
      'elderly_health_management_rate',
      'child_health_management_rate',
      'htn_standard_management_rate',
      'htn_control_rate',
      'dm_standard_management_rate',
      'dm_control_rate',
      'smi_standard_management_rate'
    ]
  },
  {
    path: '/assets',
    label: 'nav.assets',
    filters: true,
    targets: ['equipment_uptime_rate', 'bed_occupancy_rate', 'average_length_of_stay', 'asset_liability_ratio', 'staff_cost_share']
  },
  { path: '/indicators', label: 'nav.indicators', filters: false },
  { path: '/runs', label: 'nav.runs', filters: false },
  { path: '/press', label: 'nav.press', filters: false }
];

const FILTER_KEYS = ['org', 'period', 'from', 'to', 'grain', 'compare'];

/** The page that shows an indicator with a target. */
export function targetPage(indicator: string): NavItem | undefined {
  return NAV.find((item) => item.targets?.includes(indicator));
}

/** The link to a page, keeping the current filters when the page uses them. */
export function navHref(item: NavItem, current: QueryParams): string {
  if (!item.filters) return item.path;
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = current.get(key);
    if (value) kept.set(key, value);
  }
  const s = kept.toString();
  return s ? `${item.path}?${s}` : item.path;
}
