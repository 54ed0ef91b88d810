import type { Block } from './types.js';
import { foldAccents } from './parse-date.js';
import { withoutEmphasis } from './inline-emphasis.js';
import type { TermMatcher } from '../taxonomy/match.js';

/** A lesson found in a report, before it is stored as a practice. */
export interface PracticeCandidate {
  title: string;
  description: string;
  /** The heading path, e.g. "1. Bespreking: partnerschappen › 1.1 OCMW Charleroi › Voordelen". */
  section: string;
  sourcePassage: string;
  themeKeys: string[];
  methodKeys: string[];
  organizationNames: string[];
}

/**
 * Headings under which list items carry a lesson: key words that came back, lessons learned, what
 * people take home, recommendations, advantages and disadvantages, points of attention,
 * difficulties met, brainstorm results — in Dutch, French or English.
 */
const LESSON_HEADING = new RegExp(
  [
    'sleutelwoord', 'terugkwam', 'lessons? learned', 'geleerde lessen', 'wat nemen we mee', 'meenemen', 'take ?aways?',
    'aanbeveling', 'recommand', 'recommendation', 'voordel', 'nadel', 'avantage', 'desavantage', 'inconvenient',
    'aandachtspunt', 'points? d ?attention', 'moeilijkhed', 'difficult', 'brainstorm', 'conclusie', 'conclusion',
    'wat werkt', 'what works', 'goede praktijk', 'bonnes? pratiques?', 'good practices?', 'leerpunt', 'meerwaarde',
    'wat kan helpen', 'ce qui peut', 'ervaring', 'tips', 'resultaten', 'resultats',
  ].join('|'),
);

const ORGANIZATION_IN_HEADING = /\b(OCMW|CPAS|OCMW's)\s+(?:van\s+|de\s+)?([A-ZÀ-Ý][\p{L}-]+)/u;

function fold(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ');
}

/** A short title: the item up to its first clause, cut at a word boundary. */
export function practiceTitle(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(/[:;,.\s]+$/, '').trim();
  if (clean.length <= 110) return clean;
  const cut = clean.slice(0, 110);
  const stop = Math.max(cut.lastIndexOf(' ('), cut.lastIndexOf(', '), cut.lastIndexOf(' – '));
  return `${(stop > 40 ? cut.slice(0, stop) : cut.slice(0, cut.lastIndexOf(' '))).trim()}…`;
}

export function extractPractices(blocks: readonly Block[], themes: TermMatcher, methods: TermMatcher): PracticeCandidate[] {
  const stack: { level: number; text: string }[] = [];
  const candidates: PracticeCandidate[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      while (stack.length && stack[stack.length - 1].level >= block.level) stack.pop();
      stack.push({ level: block.level, text: withoutEmphasis(block.text) });
      continue;
    }
    if (block.type !== 'bulletList' && block.type !== 'orderedList') continue;
    if (!stack.some((heading) => LESSON_HEADING.test(fold(heading.text)))) continue;
    const section = stack.map((heading) => heading.text).join(' › ');
    const organizationNames = [...new Set(stack.flatMap((heading) => {
      const match = ORGANIZATION_IN_HEADING.exec(heading.text);
      return match ? [`${match[1].replace(/'s$/, '')} ${match[2]}`] : [];
    }))];
    const sectionThemes = themes.keysIn(section);
    for (const item of block.items) {
      const text = withoutEmphasis(item).trim();
      // One or two words ("Partage", "Verbinding") are headings of a thought, not a lesson.
      if (text.split(/\s+/).length < 2 || text.length < 8) continue;
      candidates.push({
        title: practiceTitle(text),
        description: `${text}\n\n(${section})`,
        section,
        sourcePassage: text,
        themeKeys: [...new Set([...sectionThemes, ...themes.keysIn(text)])],
        methodKeys: methods.keysIn(text),
        organizationNames,
      });
    }
  }
  return candidates;
}
