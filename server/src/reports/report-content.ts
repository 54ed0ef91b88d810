import * as Y from 'yjs';
import { inlineText, REPORT_FRAGMENT, textBlocks, type BodyNode, type TextBlock } from '@atelier/shared';
import type { Block } from '../importer/types.js';
import { inlineRuns } from '../importer/inline-emphasis.js';

/**
 * Writing and deriving the report body (the fragment REPORT_FRAGMENT, walked into text blocks by
 * shared/'s textBlocks): imported blocks become the editor's nodes, and the body's text becomes
 * plain text, search sections and graph links.
 */

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
  const visit = (node: BodyNode, block: Y.XmlElement | null) => {
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'graphLink') {
      const kind = String(node.getAttribute('kind') ?? '');
      const ref = String(node.getAttribute('ref') ?? '');
      if (kind && ref) links.push({ kind, ref, passage: block ? inlineText(block).trim() : '' });
      return;
    }
    const isTextBlock = node.nodeName === 'paragraph' || node.nodeName === 'heading';
    for (const child of node.toArray()) visit(child as BodyNode, isTextBlock ? node : block);
  };
  for (const child of doc.getXmlFragment(REPORT_FRAGMENT).toArray()) visit(child as BodyNode, null);
  return links;
}
