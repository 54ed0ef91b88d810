import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import cytoscape, { type Core } from 'cytoscape';
import { useQuery } from '../graphql/use-query';
import { GraphQueryDocument, GraphStartQuery } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';
import { themeLabel } from '../components/localized';

const COLORS: Record<string, string> = {
  MEETING: '#1f3b73', PRACTICE: '#0f766e', METHOD: '#b45309', THEME: '#7c3aed', ORGANIZATION: '#be123c', PERSON: '#475569',
};

function pathOf(node: { id: string; type: string; key?: string | null }): string | null {
  switch (node.type) {
    case 'MEETING': return `/meetings/${node.id}`;
    case 'PRACTICE': return `/practices/${node.id}`;
    case 'METHOD': return node.key ? `/methods/${node.key}` : null;
    default: return null;
  }
}

const RING_LAYOUT_MAX_NODES = 16;

/**
 * A few nodes sit in rings around the starting node, one per step out, spaced by their labels, so
 * long meeting titles stay readable instead of piling up in the middle; a ring of dozens would be
 * too wide to read, so a larger graph finds its own shape.
 */
function layoutFor(cy: Core, start: string): cytoscape.LayoutOptions {
  if (cy.nodes().length > RING_LAYOUT_MAX_NODES) {
    return { name: 'cose', animate: false, padding: 40, nodeRepulsion: () => 8000, idealEdgeLength: () => 120, nodeDimensionsIncludeLabels: true };
  }
  const steps = new Map<string, number>();
  cy.elements().bfs({ roots: cy.getElementById(start), visit: (node, _edge, _previous, _index, depth) => void steps.set(node.id(), depth) });
  return {
    name: 'concentric', animate: false, padding: 40, startAngle: (3 / 2) * Math.PI,
    concentric: (node) => -(steps.get(node.id()) ?? steps.size), levelWidth: () => 1,
    minNodeSpacing: 24, nodeDimensionsIncludeLabels: true, avoidOverlap: true,
  };
}

/** The knowledge graph around one node (cytoscape); clicking a node walks to it. */
export default function GraphPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const start = useQuery(GraphStartQuery);
  const nodeId = params.get('node') ?? start.data?.methods.find((m) => m.key === 'check-in')?.id ?? start.data?.meetings[0]?.id ?? '';
  const depth = params.get('depth') === '2' ? 2 : 1;
  const graph = useQuery(GraphQueryDocument, { nodeId, depth }, nodeId === '');
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current || !graph.data) return;
    const data = graph.data.graph;
    cy.current?.destroy();
    const instance = cytoscape({
      container: container.current,
      elements: [
        ...data.nodes.map((node) => ({ data: { id: node.id, label: node.label.length > 48 ? `${node.label.slice(0, 46)}…` : node.label, type: node.type, key: node.key, center: node.id === nodeId ? 1 : 0 } })),
        ...data.edges.map((edge, i) => ({ data: { id: `e${i}`, source: edge.source, target: edge.target, relation: edge.relation } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': (n: cytoscape.NodeSingular) => COLORS[n.data('type')] ?? '#64748b', label: 'data(label)', 'font-size': 10, color: '#0f172a', 'text-wrap': 'wrap', 'text-max-width': '140px', 'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18 } },
        { selector: 'node[center = 1]', style: { width: 32, height: 32, 'font-size': 13, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#f59e0b' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#cbd5e1', 'curve-style': 'bezier' } },
      ],
      // A small neighbourhood must not be blown up to fill the canvas.
      maxZoom: 1.3,
      minZoom: 0.2,
      // Laid out once, below, when the steps out from the starting node are known; without this
      // cytoscape would first lay every node out in a grid.
      layout: { name: 'null' },
    });
    instance.layout(layoutFor(instance, nodeId)).run();
    instance.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      setSelected(id);
      setParams(new URLSearchParams({ node: id, depth: String(depth) }));
    });
    instance.on('dbltap', 'node', (event) => {
      const path = pathOf({ id: event.target.id(), type: event.target.data('type'), key: event.target.data('key') });
      if (path) navigate(path);
    });
    cy.current = instance;
    return () => instance.destroy();
  }, [graph.data, nodeId, depth, navigate, setParams]);

  const nodes = graph.data?.graph.nodes ?? [];
  const centre = nodes.find((node) => node.id === (selected ?? nodeId));
  return (
    <section aria-labelledby="graph-title" className="graph-page">
      <header className="graph-page__header">
        <h1 id="graph-title">{t('graph.title')}</h1>
        <p className="muted">{t('graph.hint')}</p>
        {start.data && (
          <label className="field field--inline">
            <span>{t('graph.start')}</span>
            <select value={nodeId} onChange={(e) => setParams(new URLSearchParams({ node: e.target.value }))}>
              <optgroup label={t('search.kind.METHOD')}>{start.data.methods.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</optgroup>
              <optgroup label={t('search.themes')}>{start.data.themes.map((th) => <option key={th.id} value={th.id}>{themeLabel(th, i18n.language)}</option>)}</optgroup>
              <optgroup label={t('home.recentMeetings')}>{start.data.meetings.map((m) => <option key={m.id} value={m.id}>{m.date} · {m.title}</option>)}</optgroup>
            </select>
          </label>
        )}
        <label className="field field--inline">
          <span>{t('graph.depth')}</span>
          <select value={depth} onChange={(e) => setParams(new URLSearchParams({ node: nodeId, depth: e.target.value }))}>
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
      </header>
      {(start.loading || graph.loading) && <Loading />}
      {start.error && <ErrorMessage error={start.error} retry={start.refetch} />}
      {graph.error && <ErrorMessage error={graph.error} retry={graph.refetch} />}
      <div className="graph-canvas" ref={container} role="img" aria-label={t('graph.title')} data-nodes={nodes.length} />
      {graph.data?.graph.truncated && <p className="muted">{t('graph.truncated', { count: nodes.length })}</p>}
      <ul className="legend">
        {Object.entries(COLORS).map(([type, color]) => <li key={type}><span className="legend__dot" style={{ background: color }} />{t(`search.kind.${type}`)}</li>)}
      </ul>
      {centre && pathOf(centre) && <p><button type="button" className="button button--secondary" onClick={() => navigate(pathOf(centre)!)}>{t('graph.open')}: {centre.label}</button></p>}
      <nav aria-label={t('graph.title')} className="graph-list">
        <ul>{nodes.map((node) => <li key={node.id}><button type="button" className="link-button" onClick={() => setParams(new URLSearchParams({ node: node.id, depth: String(depth) }))}>{node.label}</button></li>)}</ul>
      </nav>
    </section>
  );
}
