// ECharts rendered on the server as an SVG string (no DOM, no canvas), for the PDF report.
// The full `echarts` build is imported: on the server its size costs nothing, and report
// charts may use any series type the dashboard does.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // Without animation the SVG holds the final frame, not the first.
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
