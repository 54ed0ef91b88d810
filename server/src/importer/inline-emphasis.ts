/** A run of a line's text, emphasised or not. */
export interface InlineRun {
  text: string;
  emphasis: 'italic' | 'bold' | null;
}

// Reports mark emphasis as `*words*` (and sometimes `**words**`). The marker hugs the words (no
// space just inside it) and stands apart from letters and digits just outside, so "5*3*2",
// "a * b * c" and a lone "*" stay as they are.
const EMPHASIS = /(?<![\p{L}\p{N}*])(\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\p{L}\p{N}*])/gu;

/** The line as runs of plain and emphasised text, the markers gone. */
export function inlineRuns(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), emphasis: null });
    runs.push({ text: match[2], emphasis: match[1] === '**' ? 'bold' : 'italic' });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), emphasis: null });
  return runs;
}

/** The line's words without the emphasis markers (titles, descriptions, passages). */
export function withoutEmphasis(text: string): string {
  return inlineRuns(text).map((run) => run.text).join('');
}
