// The org-unit tree as the API serves it: prefecture > county > township > institution, read
// from the warehouse's dimensions when a warehouse version is opened. Villages are left out
// (institutions hang under their township, or their county when they have none) and so are
// hospitals outside the tree (the XPCC hospitals of the recognition network).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { OrgKind, OrgUnit } from '../contract/contract';
import type { OrgFilter } from './query/builder';

export interface OrgNode extends OrgUnit {
  /** The county the unit lies in (itself for a county; null for a prefecture). */
  county: string | null;
}

const KINDS: Record<string, OrgKind> = { prefecture: 'prefecture', county: 'county', township: 'township' };

export class OrgIndex {
  private readonly nodes = new Map<string, OrgNode>();
  private readonly children = new Map<string, string[]>();

  constructor(units: OrgNode[]) {
    for (const u of units) this.nodes.set(u.code, u);
    for (const u of units) {
      if (u.parent && this.nodes.has(u.parent)) this.children.set(u.parent, [...(this.children.get(u.parent) ?? []), u.code]);
    }
  }

  static async load(connection: DuckDBConnection): Promise<OrgIndex> {
    const units = await connection.runAndReadAll(`
      SELECT code, parent_code, level_name, name_zh, name_en, county_code FROM core.dim_org_unit
      WHERE level_name IN ('prefecture', 'county', 'township') ORDER BY code`);
    const institutions = await connection.runAndReadAll(`
      SELECT institution_code, coalesce(township_code, county_code), name_zh, name_en, county_code, type FROM core.dim_institution
      WHERE county_code IS NOT NULL ORDER BY institution_code`);
    const nodes: OrgNode[] = [];
    for (const [code, parent, level, zh, en, county] of units.getRowsJS() as string[][]) {
      nodes.push({ code, parent: level === 'prefecture' ? null : parent, kind: KINDS[level], name: { zh, en }, county: county ?? null });
    }
    for (const [code, parent, zh, en, county, type] of institutions.getRowsJS() as string[][]) {
      nodes.push({ code, parent, kind: 'institution', name: { zh, en }, county, type });
    }
    return new OrgIndex(nodes);
  }

  get(code: string): OrgNode | undefined {
    return this.nodes.get(code);
  }

  /** Every unit of one kind, ordered by code. */
  ofKind(kind: OrgKind): OrgNode[] {
    return [...this.nodes.values()].filter((n) => n.kind === kind).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** True when `code` is `ancestor` or lies below it. */
  isWithin(code: string, ancestor: string): boolean {
    for (let n = this.nodes.get(code); n; n = n.parent ? this.nodes.get(n.parent) : undefined) {
      if (n.code === ancestor) return true;
    }
    return false;
  }

  /** The prefecture a unit lies in. */
  prefectureOf(code: string): string | undefined {
    for (let n = this.nodes.get(code); n; n = n.parent ? this.nodes.get(n.parent) : undefined) {
      if (n.kind === 'prefecture') return n.code;
    }
    return undefined;
  }

  /** A unit and everything below it, ordered by code. */
  subtree(code: string): OrgUnit[] {
    const out: OrgUnit[] = [];
    const visit = (c: string) => {
      const { county: _county, ...unit } = this.nodes.get(c)!;
      out.push(unit);
      for (const child of this.children.get(c) ?? []) visit(child);
    };
    if (this.nodes.has(code)) visit(code);
    return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** The unit as a query filter. */
  filter(code: string): OrgFilter {
    const node = this.nodes.get(code)!;
    const counties = node.kind === 'prefecture' ? (this.children.get(code) ?? []).filter((c) => this.nodes.get(c)?.kind === 'county') : [];
    return { kind: node.kind, code, counties };
  }
}
