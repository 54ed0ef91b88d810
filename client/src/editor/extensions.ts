import { Mark, Node, mergeAttributes } from '@tiptap/core';

export type GraphLinkKind = 'METHOD' | 'THEME' | 'PRACTICE' | 'PERSON' | 'ORGANIZATION';

export function graphLinkHref(kind: string, ref: string, label: string): string {
  switch (kind) {
    case 'METHOD': return `/methods/${encodeURIComponent(ref)}`;
    case 'PRACTICE': return `/practices/${encodeURIComponent(ref)}`;
    default: return `/search?q=${encodeURIComponent(label)}`;
  }
}

/**
 * A link into the knowledge graph typed with [[ or @: a real node (not text), so the server turns
 * it into an edge and the method's page lists this report.
 */
export const GraphLink = Node.create({
  name: 'graphLink',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      kind: { default: 'METHOD' },
      ref: { default: '' },
      label: { default: '' },
    };
  },
  parseHTML() {
    return [{ tag: 'a[data-graph-link]', getAttrs: (el) => ({ kind: (el as HTMLElement).dataset.graphLink, ref: (el as HTMLElement).dataset.ref, label: (el as HTMLElement).textContent }) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['a', mergeAttributes(HTMLAttributes, {
      href: graphLinkHref(node.attrs.kind, node.attrs.ref, node.attrs.label),
      'data-graph-link': node.attrs.kind,
      'data-ref': node.attrs.ref,
      class: `graph-link graph-link--${String(node.attrs.kind).toLowerCase()}`,
    }), node.attrs.label];
  },
  renderText({ node }) {
    return node.attrs.label;
  },
});

/** Marks a passage saved as a good practice, so the text shows it is one. */
export const PracticeMark = Mark.create({
  name: 'practice',
  inclusive: false,
  addAttributes() {
    return { id: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'mark[data-practice]', getAttrs: (el) => ({ id: (el as HTMLElement).dataset.practice }) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['mark', mergeAttributes(HTMLAttributes, { 'data-practice': HTMLAttributes.id, class: 'practice-mark' }), 0];
  },
});
