import * as Y from 'yjs';
import type { Block } from '../importer/types.js';
import { inlineRuns } from '../importer/inline-emphasis.js';

/**
 * The report body is the XmlFragment "default" of a Yjs document, with TipTap/ProseMirror node
 * names (heading, paragraph, bulletList > listItem > paragraph, table > tableRow > tableCell).
 * The server derives plain text and sections from it for search, links and `report.text`.
 */
export const REPORT_FRAGMENT = 'default';

/**
 * A line of text with its emphasis as marks, named and shaped as the editor's binding writes
 * them (the mark's name, its attributes as the value).
 */
function textNode(text: string): Y.XmlText {
  const node = new Y.XmlText();
  let index = 0;
  for (const run of inlineRuns(text)) {
    // A plain run gets an empty set of marks: without one, Yjs carries the previous run's on.
    node.insert(index, run.text, run.emphasis ? { [run.emphasis]: {} } : {});
    index += run.text.length;
  }
  return node;
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  if (text) element.insert(0, [textNode(text)]);
  return element;
}

function blockToElement(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'heading': {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', Math.min(Math.max(block.level, 1), 6) as unknown as string);
      heading.insert(0, [textNode(block.text)]);
      return heading;
    }
    case 'paragraph':
      return paragraph(block.text);
    case 'bulletList':
    case 'orderedList': {
      const list = new Y.XmlElement(block.type);
      list.insert(0, block.items.map((item) => {
        const listItem = new Y.XmlElement('listItem');
        listItem.insert(0, [paragraph(item)]);
        return listItem;
      }));
      return list;
    }
    case 'table': {
      const table = new Y.XmlElement('table');
      const width = Math.max(...block.rows.map((row) => row.length));
      table.insert(0, block.rows.map((row, rowIndex) => {
        const tableRow = new Y.XmlElement('tableRow');
        const cells = Array.from({ length: width }, (_, i) => row[i] ?? '');
        tableRow.insert(0, cells.map((cellText) => {
          const cell = new Y.XmlElement(rowIndex === 0 && block.rows.length > 1 ? 'tableHeader' : 'tableCell');
          const lines = cellText.split('\n');
          cell.insert(0, lines.map((line) => paragraph(line)));
          return cell;
        }));
        return tableRow;
      }));
      return table;
    }
  }
}

/** Replaces the body of `doc` with `blocks`, in one transaction (one update for every peer). */
export function writeBlocks(doc: Y.Doc, blocks: Block[], origin: unknown = null): void {
  const fragment = doc.getXmlFragment(REPORT_FRAGMENT);
  doc.transact(() => {
    if (fragment.length) fragment.delete(0, fragment.length);
    fragment.insert(0, blocks.map(blockToElement));
  }, origin);
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

/**
 * The characters of a text node without its formatting, read item by item: what joining the
 * string inserts of `toDelta()` gives, without building the delta and its attributes, which took
 * about 60% of the time to read a report's text.
 */
function plainText(text: Y.XmlText): string {
  let out = '';
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentString) out += item.content.str;
  }
  return out;
}

function inlineText(node: Node): string {
  if (node instanceof Y.XmlText) return plainText(node);
  if (node instanceof Y.XmlElement) {
    if (node.nodeName === 'hardBreak') return '\n';
    if (node.nodeName === 'mention' || node.nodeName === 'graphLink') return String(node.getAttribute('label') ?? '');
    return node.toArray().map((child) => inlineText(child as Node)).join('');
  }
  return '';
}

const BLOCK_CONTAINERS = new Set(['bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableCell', 'tableHeader', 'blockquote', 'taskList', 'taskItem']);

export interface TextBlock {
  kind: 'heading' | 'text';
  level: number;
  text: string;
}

/** Walks the fragment into text blocks: headings, and one line per paragraph / list item / cell. */
export function textBlocks(doc: Y.Doc): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (node: Node, prefix: string) => {
    if (!(node instanceof Y.XmlElement)) {
      const text = inlineText(node).trim();
      if (text) out.push({ kind: 'text', level: 0, text });
      return;
    }
    if (node.nodeName === 'heading') {
      const level = Number(node.getAttribute('level')) || 1;
      const text = inlineText(node).trim();
      if (text) out.push({ kind: 'heading', level, text });
      return;
    }
    if (BLOCK_CONTAINERS.has(node.nodeName)) {
      const itemPrefix = node.nodeName === 'listItem' || node.nodeName === 'taskItem' ? '- ' : prefix;
      node.toArray().forEach((child, i) => walk(child as Node, i === 0 ? itemPrefix : node.nodeName === 'listItem' ? '  ' : prefix));
      return;
    }
    const text = inlineText(node).trim();
    if (text) out.push({ kind: 'text', level: 0, text: prefix + text });
  };
  for (const child of doc.getXmlFragment(REPORT_FRAGMENT).toArray()) walk(child as Node, '');
  return out;
}

/** Plain text: one block per line, list items prefixed "- ". */
export function yDocToText(doc: Y.Doc): string {
  return blocksToText(textBlocks(doc));
}

export function blocksToText(blocks: TextBlock[]): string {
  return blocks.map((block) => block.text).join('\n');
}

export interface ReportSection {
  index: number;
  heading: string | null;
  level: number;
  text: string;
}

/**
 * Sections for search: each heading opens a section holding the text up to the next heading, so
 * every passage is indexed once and a hit names the heading right above it; text before the first
 * heading is a section with no heading.
 */
export function yDocToSections(doc: Y.Doc): ReportSection[] {
  return blocksToSections(textBlocks(doc));
}

/** The same sections from text blocks already walked (a derivation walks the document once). */
export function blocksToSections(blocks: TextBlock[]): ReportSection[] {
  const sections: ReportSection[] = [];
  let current: { section: ReportSection; lines: string[] } | null = null;
  const close = () => {
    if (current) current.section.text = current.lines.join('\n');
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      close();
      current = { section: { index: sections.length, heading: block.text, level: block.level, text: '' }, lines: [] };
      sections.push(current.section);
    } else {
      if (!current) {
        current = { section: { index: 0, heading: null, level: 0, text: '' }, lines: [] };
        sections.push(current.section);
      }
      current.lines.push(block.text);
    }
  }
  close();
  return sections;
}

export interface GraphLinkNode {
  kind: string;
  ref: string;
  /** The paragraph, list item or heading that holds the link. */
  passage: string;
}

/** Links into the graph typed in the editor ([[method]], @person), with the text around them. */
export function findGraphLinks(doc: Y.Doc): GraphLinkNode[] {
  const links: GraphLinkNode[] = [];
  const visit = (node: Node, block: Y.XmlElement | null) => {
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'graphLink') {
      const kind = String(node.getAttribute('kind') ?? '');
      const ref = String(node.getAttribute('ref') ?? '');
      if (kind && ref) links.push({ kind, ref, passage: block ? inlineText(block).trim() : '' });
      return;
    }
    const isTextBlock = node.nodeName === 'paragraph' || node.nodeName === 'heading';
    for (const child of node.toArray()) visit(child as Node, isTextBlock ? node : block);
  };
  for (const child of doc.getXmlFragment(REPORT_FRAGMENT).toArray()) visit(child as Node, null);
  return links;
}
