// The small trend line inside a KPI tile, as SVG path data. A tile's sparkline has no axes,
// labels or interaction, so it is drawn as a plain path rather than an ECharts instance: a
// page of ten tiles would otherwise start ten more charts. Missing periods break the line.

export interface SparklinePaths {
  line: string;
  area: string;
}

/** Paths in a width x height box (y down), scaled to the values' own range; null under two points. */
export function sparklinePaths(values: readonly (number | null)[], width = 100, height = 30): SparklinePaths | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const r = (n: number) => Math.round(n * 100) / 100;
  const x = (i: number) => r(i * step);
  // 1 unit of margin so the stroke is not clipped at the top and bottom.
  const y = (v: number) => r(1 + (height - 2) * (1 - (v - min) / span));
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push([x(i), y(v)]);
  });
  if (run.length) runs.push(run);
  const line = runs.map((pts) => pts.map(([px, py], i) => `${i ? 'L' : 'M'}${px} ${py}`).join('')).join('');
  const area = runs
    .filter((pts) => pts.length > 1)
    .map((pts) => `M${pts[0][0]} ${height}` + pts.map(([px, py]) => `L${px} ${py}`).join('') + `L${pts[pts.length - 1][0]} ${height}Z`)
    .join('');
  return { line, area };
}
