import type { Block } from './types.js';
import { hasHtml, htmlToText } from './html-text.js';

/**
 * The body of a report, line by line, into blocks: numbered sections and short "Label:" lines are
 * headings, bullet lines are lists (a following unmarked line continues the item), tab-separated
 * lines are table rows, the rest are paragraphs. Structure, not the words of known reports.
 */

const BULLET = /^\s*(?:[-–•▪●◦*➔→➢►✓✔]|o(?=\s))\s+/;
const NUMBERED_ITEM = /^\s*(\d{1,2})[.)]\s+(.+)$/;
const CENTRE_LABEL = /^(OCMW|CPAS|OCMW's|CPAS de|POD|SPP|FOD|SPF)\b/i;
const SECTION_NUMBER = /^\s*((?:[IVX]{1,5}|\d{1,3})(?:\.\d{1,2})*)\.?\s+(\S.*)$/;

function sectionHeading(line: string, previous: string | null): { level: number; text: string } | null {
  const match = SECTION_NUMBER.exec(line);
  if (!match) return null;
  const [, number, rest] = match;
  const text = rest.trim();
  // "1. Wat zijn je verwachtingen?" after "...twee vragen:" is a list, not a section.
  if (/^\d+$/.test(number) && previous !== null && /:\s*$/.test(previous)) return null;
  if (text.length > 90 || /[,;]$/.test(text) || (/\.$/.test(text) && text.length > 40)) return null;
  if (!/^[IVX\d]/.test(number)) return null;
  // Roman "I" alone needs a dot: "I. Welkom" (a bare "I think" is prose).
  if (/^[IVX]+$/.test(number) && !/^\s*[IVX]+\./.test(line)) return null;
  const depth = number.split('.').filter(Boolean).length;
  return { level: Math.min(2 + depth - 1, 4), text: `${number}${/^[IVX]+$|^\d+$/.test(number) ? '.' : ''} ${text}`.trim() };
}

function labelHeading(line: string): boolean {
  const text = line.trim();
  if (text.length > 70 || text.length < 3) return false;
  if (/:\s*$/.test(text) && !BULLET.test(line) && !/^\d/.test(text)) return true;
  // Short all-capitals lines are titles of flattened tables ("WAAROM/ POURQUOI").
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && !/[.!?]$/.test(text);
}

export function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  type OpenList = { type: 'bulletList' | 'orderedList'; items: string[] };
  let list = null as OpenList | null;
  let table = null as string[][] | null;
  let previous: string | null = null;
  let previousWasItem = false;
  // "Voordelen:" under "1.1 OCMW Charleroi" is a sub-heading of that section, one level deeper.
  let sectionLevel = 2;
  // "OCMW Gent:" opens a sub-section per centre; its "Voordelen:" sits one level below it.
  let centreLevel: number | null = null;

  const flush = () => {
    if (list && list.items.length) blocks.push({ type: list.type, items: list.items });
    if (table && table.length) blocks.push({ type: 'table', rows: table });
    list = null;
    table = null;
  };
  const addItem = (type: 'bulletList' | 'orderedList', text: string) => {
    if (table || (list && list.type !== type)) flush();
    list ??= { type, items: [] };
    list.items.push(text);
  };

  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      previousWasItem = false;
      continue;
    }
    if (line.includes('\t') && line.trim().includes('\t')) {
      const cells = line.split(/\t+/).map((cell) => (hasHtml(cell) ? htmlToText(cell) : cell.trim()));
      if (cells.filter(Boolean).length >= 2) {
        if (list) flush();
        table ??= [];
        table.push(cells);
        previous = line;
        previousWasItem = false;
        continue;
      }
    }
    if (hasHtml(line)) {
      flush();
      for (const textLine of htmlToText(line).split('\n')) {
        if (BULLET.test(textLine)) addItem('bulletList', textLine.replace(BULLET, '').trim());
        else if (textLine.trim()) {
          flush();
          blocks.push({ type: 'paragraph', text: textLine.trim() });
        }
      }
      previous = line;
      continue;
    }
    if (BULLET.test(line)) {
      // "- ✓ het budget", "- ➔ TOPOI", "- o de principes": stacked markers all go.
      let text = line;
      while (BULLET.test(text)) text = text.replace(BULLET, '');
      addItem('bulletList', text.trim());
      previousWasItem = true;
      previous = line;
      continue;
    }
    const numbered = NUMBERED_ITEM.exec(line);
    // A numbered line continues an open list unless a blank line separates it and it reads as a section.
    const continuesList = list?.type === 'orderedList' && (previousWasItem || !sectionHeading(line, null));
    if (numbered && (continuesList || (previous !== null && /:\s*$/.test(previous)))) {
      addItem('orderedList', numbered[2].trim());
      previousWasItem = true;
      previous = line;
      continue;
    }
    const heading = sectionHeading(line, previous);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading.level, text: heading.text });
      sectionLevel = heading.level;
      centreLevel = null;
      previousWasItem = false;
      previous = line;
      continue;
    }
    if (previousWasItem && list) {
      // An unmarked line right under an item (no blank line) continues that item.
      const items: string[] = list.items;
      items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
      previous = line;
      continue;
    }
    flush();
    if (labelHeading(line)) {
      const text = line.trim().replace(/\s*:\s*$/, '');
      if (CENTRE_LABEL.test(text)) centreLevel = Math.min(sectionLevel + 1, 5);
      const level = CENTRE_LABEL.test(text) ? centreLevel! : Math.min((centreLevel ?? sectionLevel) + 1, 6);
      blocks.push({ type: 'heading', level, text });
    } else {
      blocks.push({ type: 'paragraph', text: line.trim() });
    }
    previous = line;
  }
  flush();
  return blocks;
}
