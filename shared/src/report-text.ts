import * as Y from 'yjs';

/**
 * The report body is the XmlFragment "default" of a Yjs document, with TipTap/ProseMirror node
 * names (heading, paragraph, bulletList > listItem > paragraph, table > tableRow > tableCell).
 * The server derives plain text and sections from it for search, links and `report.text`; the
 * client reads it to tell a person what the server does not have.
 */
export const REPORT_FRAGMENT = 'default';

/** A node of the report body. */
export type BodyNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

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

/** The text of an inline run or a text block: a hard break is a newline, a link or mention its label. */
export function inlineText(node: BodyNode): string {
  if (node instanceof Y.XmlText) return plainText(node);
  if (node instanceof Y.XmlElement) {
    if (node.nodeName === 'hardBreak') return '\n';
    if (node.nodeName === 'mention' || node.nodeName === 'graphLink') return String(node.getAttribute('label') ?? '');
    return node.toArray().map((child) => inlineText(child as BodyNode)).join('');
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
  const walk = (node: BodyNode, prefix: string) => {
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
      node.toArray().forEach((child, i) => walk(child as BodyNode, i === 0 ? itemPrefix : node.nodeName === 'listItem' ? '  ' : prefix));
      return;
    }
    const text = inlineText(node).trim();
    if (text) out.push({ kind: 'text', level: 0, text: prefix + text });
  };
  for (const child of doc.getXmlFragment(REPORT_FRAGMENT).toArray()) walk(child as BodyNode, '');
  return out;
}

