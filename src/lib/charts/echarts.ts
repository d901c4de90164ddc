// The one place ECharts is assembled: only the chart types and components the dashboard
// draws (a full `echarts` import is ~375 KiB gzip, this is ~220), and the Changji county map,
// fetched and registered once, the first time a map chart needs it. Registration only at
// import; charts are created by the action, which never runs during SSR.
import { init, registerMap, use } from 'echarts/core';
import { BarChart, FunnelChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
// A hashed static asset rather than a JS module: the county GeoJSON (25 KB) stays out of every bundle
// and is only downloaded by pages that draw the map.
import changjiUrl from '../../../datasets/reference/geo/changji-counties.json?url';
import { CHANGJI_MAP } from './choropleth';
import type { ChartOption } from './types';

/** The county shapes' URL, which a page drawing the map preloads. */
export const CHANGJI_URL = changjiUrl;

use([
  LineChart,
  BarChart,
  PieChart,
  FunnelChart,
  MapChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  LabelLayout,
  CanvasRenderer,
  SVGRenderer
]);

let changji: Promise<void> | null = null;

/** Fetches and registers the county map once; map components call it early to overlap the download. */
export function loadChangji(): Promise<void> {
  changji ??= fetch(changjiUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`county map: HTTP ${r.status}`);
      return r.json();
    })
    .then((geoJSON) => registerMap(CHANGJI_MAP, { geoJSON, specialAreas: {} }))
    .catch((err) => {
      changji = null; // let a later chart retry
      throw err;
    });
  return changji;
}

/** Resolves once every map the option draws is registered. */
export async function prepare(option: ChartOption): Promise<void> {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  if (series.some((s) => s.type === 'map')) await loadChangji();
}

export { init };
