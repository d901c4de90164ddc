// Mutual recognition of examination and test results (检查检验结果互认) among the 16 public
// hospitals and 7 XPCC hospitals. Item mix is tilted so the mean catalogue price is the
// published 4,781,000 yuan / 46,900 results = 101.9 yuan; items and items-per-visit are drawn
// low-discrepancy so the published totals hold even at small scales.
import type { ExamItem } from '../../reference/index';
import { addDays } from '../calendar';
import { ITEMS_PER_RECOGNITION_VISIT } from '../plan';
import { WeightedPicker } from '../random';
import { figure } from '../targets';
import type { World } from '../world';
import { at, clinicSeconds, dayRng, idMaker, patientOf, personFields, type DayContext, type FeedRecord } from './common';

const CATEGORY_WEIGHTS: Record<string, number> = { lab: 0.55, ultrasound: 0.18, imaging: 0.17, ecg: 0.08, endoscopy: 0.02 };
const XPCC_SHARE = 0.08;

const itemPickers = new WeakMap<World, WeightedPicker<ExamItem>>();

/** Recognisable items weighted by category, exponentially tilted to the target mean price. */
export function recognitionItems(world: World): WeightedPicker<ExamItem> {
  const cached = itemPickers.get(world);
  if (cached) return cached;
  const items = world.reference.examItems.filter((i) => i.recognisable);
  const perCategory = new Map<string, number>();
  for (const i of items) perCategory.set(i.category, (perCategory.get(i.category) ?? 0) + 1);
  const base = items.map((i) => (CATEGORY_WEIGHTS[i.category] ?? 0.01) / perCategory.get(i.category)!);
  const targetMean = figure('recognition_savings').target / figure('recognised_items').target;
  const meanAt = (theta: number) => {
    let w = 0;
    let p = 0;
    items.forEach((item, n) => {
      const weight = base[n] * Math.exp(theta * item.priceYuan);
      w += weight;
      p += weight * item.priceYuan;
    });
    return p / w;
  };
  let lo = -0.1;
  let hi = 0.1;
  for (let step = 0; step < 100; step++) {
    const mid = (lo + hi) / 2;
    if (meanAt(mid) < targetMean) lo = mid;
    else hi = mid;
  }
  const theta = (lo + hi) / 2;
  const picker = new WeightedPicker(
    items,
    items.map((item, n) => base[n] * Math.exp(theta * item.priceYuan))
  );
  itemPickers.set(world, picker);
  return picker;
}

export function generateRecognition(ctx: DayContext): FeedRecord[] {
  const { world, plan, date, day } = ctx;
  const rng = dayRng(ctx, 'result_recognition');
  const itemDraw = dayRng(ctx, 'result_recognition', 1);
  const sizeDraw = dayRng(ctx, 'result_recognition', 2);
  const items = recognitionItems(world);
  const nextId = idMaker('HR', date);
  const nextVisit = idMaker('RV', date);
  const visits = plan.count('recognition_visits', date);
  const twoOrMore = ITEMS_PER_RECOGNITION_VISIT - 1 - 0.02 * 2; // P(2) when P(3) = 2%
  const digitalShare = 0.55 + (0.25 * Math.max(0, day.sinceLaunch)) / 390;
  const records: FeedRecord[] = [];
  for (let v = 0; v < visits; v++) {
    const recogniser = world.recognitionHospitals[Math.floor(rng.next() * world.recognitionHospitals.length)];
    const person = patientOf(world, rng, recogniser);
    const visitId = nextVisit();
    const u = sizeDraw.quasi();
    const size = u < 0.02 ? 3 : u < 0.02 + twoOrMore ? 2 : 1;
    const seconds = clinicSeconds(rng);
    const chosen = new Set<string>();
    for (let k = 0; k < size; k++) {
      let item = items.at(itemDraw.quasi());
      while (chosen.has(item.itemCode)) item = items.pick(rng); // a visit recognises an item once
      chosen.add(item.itemCode);
      const xpcc = rng.chance(XPCC_SHARE);
      const original = xpcc ? rng.pick(world.reference.xpccHospitals).institutionCode : pickOther(world, rng, recogniser.institutionCode);
      records.push({
        recognition_id: nextId(),
        recognised_at: at(date, seconds + k * 60),
        visit_id: visitId,
        item_code: item.itemCode,
        price_yuan: item.priceYuan,
        recognising_institution: recogniser.institutionCode,
        original_institution: original,
        original_date: addDays(date, -rng.int(1, Math.max(1, item.validityDays))),
        mode: rng.chance(digitalShare) ? 'digital' : 'paper',
        xpcc,
        ...personFields(person)
      });
    }
  }
  return records;
}

function pickOther(world: World, rng: ReturnType<typeof dayRng>, exclude: string): string {
  for (;;) {
    const h = rng.pick(world.recognitionHospitals);
    if (h.institutionCode !== exclude) return h.institutionCode;
  }
}
