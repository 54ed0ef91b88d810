import type { DataSource } from 'typeorm';
import { Role } from '@atelier/shared';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput, notFound } from '../common/errors.js';
import { fromGlobalId, toGlobalId, type NodeType } from '../graphql/global-id.js';
import type { Graph, GraphEdge, GraphNode } from './graph.types.js';

type Kind = 'MEETING' | 'PRACTICE' | 'METHOD' | 'THEME' | 'ORGANIZATION' | 'PERSON';

const NODE_TYPE: Record<Kind, NodeType> = {
  MEETING: 'Meeting', PRACTICE: 'Practice', METHOD: 'Method', THEME: 'Theme', ORGANIZATION: 'Organization', PERSON: 'Person',
};
const KIND_OF: Partial<Record<NodeType, Kind>> = Object.fromEntries(Object.entries(NODE_TYPE).map(([k, v]) => [v, k as Kind]));

/**
 * Every edge of the graph as (a, b, relation) rows, one UNION over the join tables and the link
 * table; the walk below asks it only for the edges touching the current frontier.
 */
const EDGES_SQL = `
  SELECT 'PRACTICE' AS a_kind, p.id AS a, 'MEETING' AS b_kind, p.meeting_id AS b, 'FROM_MEETING' AS relation
    FROM practice p WHERE p.meeting_id IS NOT NULL
  UNION ALL SELECT 'PRACTICE', practice_id, 'THEME', theme_id, 'ABOUT_THEME' FROM practice_theme
  UNION ALL SELECT 'PRACTICE', practice_id, 'METHOD', method_id, 'USES_METHOD' FROM practice_method
  UNION ALL SELECT 'PRACTICE', practice_id, 'ORGANIZATION', organization_id, 'INVOLVES' FROM practice_organization
  UNION ALL SELECT DISTINCT 'MEETING', meeting_id, target_type, target_id, relation FROM link
    WHERE meeting_id IS NOT NULL AND target_type IN ('METHOD','THEME','PERSON','ORGANIZATION')
  UNION ALL SELECT 'PERSON', person_id, 'MEETING', meeting_id, 'ATTENDED' FROM attendance
  UNION ALL SELECT DISTINCT 'ORGANIZATION', organization_id, 'MEETING', meeting_id, 'REPRESENTED_AT' FROM attendance
    WHERE organization_id IS NOT NULL`;

const LABELS_SQL = `
  SELECT 'MEETING' AS kind, id, to_char(date, 'YYYY-MM-DD') || ' · ' || title AS label, NULL AS key FROM meeting WHERE id = ANY($1)
  UNION ALL SELECT 'PRACTICE', id, title, NULL FROM practice WHERE id = ANY($1)
  UNION ALL SELECT 'METHOD', id, name, key FROM method WHERE id = ANY($1)
  UNION ALL SELECT 'THEME', id, label_en, key FROM theme WHERE id = ANY($1)
  UNION ALL SELECT 'ORGANIZATION', id, name, NULL FROM organization WHERE id = ANY($1)
  UNION ALL SELECT 'PERSON', id, name, NULL FROM person WHERE id = ANY($1)`;

export class GraphService {
  constructor(private readonly dataSource: DataSource) {}

  /** The neighbourhood of one entity, `depth` steps out, at most `limit` nodes. */
  async neighbourhood(actor: Actor | null, nodeId: string, depth: number, limit: number): Promise<Graph> {
    requireRole(actor, Role.VIEWER);
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw badInput('depth', 'depth must be 1, 2 or 3');
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'limit must be between 1 and 500');
    const parsed = fromGlobalId(String(nodeId));
    const startKind = parsed?.type ? KIND_OF[parsed.type] : undefined;
    if (!parsed || !startKind) throw badInput('nodeId', 'nodeId must be the id of a meeting, practice, method, theme, organisation or person');

    const seen = new Map<string, Kind>([[parsed.id, startKind]]);
    const edges = new Map<string, { a: string; b: string; relation: string }>();
    let frontier = [parsed.id];
    let truncated = false;
    for (let step = 0; step < depth && frontier.length && !truncated; step++) {
      const rows: { a_kind: Kind; a: string; b_kind: Kind; b: string; relation: string }[] = await this.dataSource.query(
        `SELECT * FROM (${EDGES_SQL}) e WHERE e.a = ANY($1) OR e.b = ANY($1)`,
        [frontier],
      );
      const next: string[] = [];
      for (const row of rows) {
        for (const [id, kind] of [[row.a, row.a_kind], [row.b, row.b_kind]] as const) {
          if (seen.has(id)) continue;
          if (seen.size >= limit) {
            truncated = true;
            continue;
          }
          seen.set(id, kind);
          next.push(id);
        }
        if (seen.has(row.a) && seen.has(row.b)) edges.set(`${row.a}|${row.b}|${row.relation}`, row);
      }
      frontier = next;
    }

    const labels: { kind: Kind; id: string; label: string; key: string | null }[] = await this.dataSource.query(LABELS_SQL, [[...seen.keys()]]);
    if (!labels.some((row) => row.id === parsed.id)) throw notFound('Node', 'nodeId');
    const gid = (kind: Kind, id: string) => toGlobalId(NODE_TYPE[kind], id);
    const nodes: GraphNode[] = labels.map((row) => ({ id: gid(row.kind, row.id), type: row.kind, label: row.label, key: row.key }));
    const graphEdges: GraphEdge[] = [...edges.values()].map((edge) => ({
      source: gid(seen.get(edge.a)!, edge.a),
      target: gid(seen.get(edge.b)!, edge.b),
      relation: edge.relation,
    }));
    return { nodes, edges: graphEdges, truncated };
  }
}
