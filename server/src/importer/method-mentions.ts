import type { Block } from './types.js';
import type { TermMatcher } from '../taxonomy/match.js';

export interface MethodMention {
  methodKey: string;
  /** The paragraph, list item, heading or table cell that names the method. */
  passage: string;
}

function passages(block: Block): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'bulletList':
    case 'orderedList':
      return block.items;
    case 'table':
      return block.rows.flat().filter(Boolean);
  }
}

/** Every passage that names a method by its name or an alias, once per method and passage. */
export function findMethodMentions(blocks: readonly Block[], methods: TermMatcher): MethodMention[] {
  const seen = new Set<string>();
  const mentions: MethodMention[] = [];
  for (const block of blocks) {
    for (const passage of passages(block)) {
      for (const methodKey of methods.keysIn(passage)) {
        const id = `${methodKey}\u0000${passage}`;
        if (seen.has(id)) continue;
        seen.add(id);
        mentions.push({ methodKey, passage });
      }
    }
  }
  return mentions;
}
