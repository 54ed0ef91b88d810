import type { ParsedAttendee } from './types.js';

/** Labels that open the present and excused lists, in Dutch, French and English. */
export const PRESENT_LABEL = /^\s*(aanwezigen|aanwezig|deelnemers|pr[ée]sents?|pr[ée]sences|participants|present)\s*:\s*/i;
export const EXCUSED_LABEL = /^\s*(verontschuldigd|verontschuldigingen|afwezig|excus[ée]s?|absents?|excused|apologies)\s*:\s*/i;

/**
 * Parentheses that never close before the next one opens are typing slips
 * ("(Charlotte Tachelet (OCMW Antwerpen)"): drop them, and closing ones that open nothing.
 */
function dropStrayParentheses(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') {
      const nextOpen = text.indexOf('(', i + 1);
      const nextClose = text.indexOf(')', i + 1);
      if (nextClose === -1 || (nextOpen !== -1 && nextOpen < nextClose)) continue;
      depth++;
    } else if (char === ')') {
      if (depth === 0) continue;
      depth--;
    }
    out += char;
  }
  return out;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';' || char === '\t' || char === '\n')) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function cleanName(name: string): string {
  return name.replace(/^[\s\-•*·–]+|[\s.,;:]+$/g, '').replace(/\s+/g, ' ');
}

/** "Johan Maekelbergh (OCMW Gent), Nathalie Van Oostende, ..." → attendees. */
export function parseAttendeeList(text: string): ParsedAttendee[] {
  const attendees: ParsedAttendee[] = [];
  for (const part of splitTopLevel(dropStrayParentheses(text))) {
    const entry = part.trim();
    if (!entry) continue;
    const match = /^(.*?)\s*\(([^()]*)\)\s*\.?$/.exec(entry);
    const name = cleanName(match ? match[1] : entry);
    const organization = match ? cleanName(match[2]) || null : null;
    if (name && /\p{L}/u.test(name) && name.length <= 120) attendees.push({ name, organization });
  }
  return attendees;
}
