// Official holidays and make-up workdays (调休) for the simulation window and a year beyond.
// National: 国办发明电〔2024〕12号 (2025) and the State Council notice of 2025-11-04 (2026).
// Xinjiang regional: 新疆维吾尔自治区人民政府 2025 schedule; 2026 Eid dates are estimates.
import type { CalendarDay, CalendarKind } from '../schemas';

export const CALENDAR_FROM = '2024-12-01';
export const CALENDAR_TO = '2026-12-31';

interface Period {
  from: string;
  to?: string;
  kind: CalendarKind;
  nameZh: string;
  nameEn: string;
}

const NY = ['元旦', "New Year's Day"] as const;
const SF = ['春节', 'Spring Festival'] as const;
const QM = ['清明节', 'Qingming Festival'] as const;
const LD = ['劳动节', 'Labour Day'] as const;
const DB = ['端午节', 'Dragon Boat Festival'] as const;
const MA = ['中秋节', 'Mid-Autumn Festival'] as const;
const ND = ['国庆节', 'National Day'] as const;
const NDMA = ['国庆节、中秋节', 'National Day and Mid-Autumn Festival'] as const;
const FITR = ['肉孜节', 'Eid al-Fitr (Rozi Heyt)'] as const;
const ADHA = ['古尔邦节', 'Eid al-Adha (Qurban Heyt)'] as const;

const hol = (from: string, to: string, [zh, en]: readonly [string, string]): Period => ({
  from, to, kind: 'holiday', nameZh: zh, nameEn: en
});
const work = (date: string, [zh, en]: readonly [string, string]): Period => ({
  from: date, kind: 'makeup_workday', nameZh: `${zh}调休上班`, nameEn: `${en} make-up workday`
});
const regional = (from: string, to: string, [zh, en]: readonly [string, string]): Period => ({
  from, to, kind: 'regional_holiday', nameZh: zh, nameEn: en
});

const PERIODS: readonly Period[] = [
  // 2025 (national)
  hol('2025-01-01', '2025-01-01', NY),
  hol('2025-01-28', '2025-02-04', SF),
  work('2025-01-26', SF),
  work('2025-02-08', SF),
  hol('2025-04-04', '2025-04-06', QM),
  hol('2025-05-01', '2025-05-05', LD),
  work('2025-04-27', LD),
  hol('2025-05-31', '2025-06-02', DB),
  hol('2025-10-01', '2025-10-08', NDMA),
  work('2025-09-28', NDMA),
  work('2025-10-11', NDMA),
  // 2025 (Xinjiang): 肉孜节 3/31 with 3/29-31 off; 古尔邦节 6/6 with 6/6-10 off.
  regional('2025-03-29', '2025-03-31', FITR),
  regional('2025-06-06', '2025-06-10', ADHA),
  // 2026 (national)
  hol('2026-01-01', '2026-01-03', NY),
  work('2026-01-04', NY),
  hol('2026-02-15', '2026-02-23', SF),
  work('2026-02-14', SF),
  work('2026-02-28', SF),
  hol('2026-04-04', '2026-04-06', QM),
  hol('2026-05-01', '2026-05-05', LD),
  work('2026-05-09', LD),
  hol('2026-06-19', '2026-06-21', DB),
  hol('2026-09-25', '2026-09-27', MA),
  hol('2026-10-01', '2026-10-07', ND),
  work('2026-09-20', ND),
  work('2026-10-10', ND),
  // 2026 (Xinjiang, ESTIMATED from the expected Eid dates 3/20 and 5/27 and the 2025 pattern:
  // one weekday off for 肉孜节, three for 古尔邦节, merged with the adjacent weekend).
  regional('2026-03-20', '2026-03-22', FITR),
  regional('2026-05-27', '2026-05-31', ADHA)
];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function buildCalendar(): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const p of PERIODS) {
    for (let d = p.from; d <= (p.to ?? p.from); d = addDays(d, 1)) {
      days.push({ date: d, kind: p.kind, nameZh: p.nameZh, nameEn: p.nameEn });
    }
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 1; i < days.length; i++) {
    if (days[i].date === days[i - 1].date) throw new Error(`calendar date listed twice: ${days[i].date}`);
  }
  if (days.some((d) => d.date < CALENDAR_FROM || d.date > CALENDAR_TO)) throw new Error('calendar out of range');
  return days;
}

/** Working day = Mon-Fri not on a holiday, or a make-up workday. */
export function isWorkday(date: string, calendar: readonly CalendarDay[]): boolean {
  const entry = calendar.find((c) => c.date === date);
  if (entry) return entry.kind === 'makeup_workday';
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}
