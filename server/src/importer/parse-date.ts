/** Dates as the network writes them: "18 december 2018", "17 aout 2021", "3 avril 2023", "17/12/2019". */

const MONTHS: Record<string, number> = {
  januari: 1, janvier: 1, january: 1, jan: 1,
  februari: 2, fevrier: 2, february: 2, feb: 2, fev: 2,
  maart: 3, mars: 3, march: 3, mrt: 3,
  april: 4, avril: 4, apr: 4, avr: 4,
  mei: 5, mai: 5, may: 5,
  juni: 6, juin: 6, june: 6,
  juli: 7, juillet: 7, july: 7,
  augustus: 8, aout: 8, august: 8, aug: 8,
  september: 9, septembre: 9, sep: 9, sept: 9,
  oktober: 10, octobre: 10, october: 10, okt: 10, oct: 10,
  november: 11, novembre: 11, nov: 11,
  december: 12, decembre: 12, dec: 12,
};

export function foldAccents(text: string): string {
  // Most text is plain ASCII, and NFD is the costly part of matching a whole report.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const WORD_DATE = /\b(\d{1,2})(?:e|er|ste|de)?\s+([a-z]{3,10})\.?\s+(\d{4})\b/gi;
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g;

export interface FoundDate {
  iso: string;
  /** Where the match ends in the searched text, to read what follows it (the location). */
  end: number;
  start: number;
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1990 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every real date written in `text`, in order. Accents are folded first, so "décembre" = "decembre". */
export function findDates(text: string): FoundDate[] {
  const folded = foldAccents(text);
  const found: FoundDate[] = [];
  for (const match of folded.matchAll(WORD_DATE)) {
    const month = MONTHS[match[2].toLowerCase()];
    const value = month ? iso(Number(match[3]), month, Number(match[1])) : null;
    if (value) found.push({ iso: value, start: match.index!, end: match.index! + match[0].length });
  }
  for (const match of folded.matchAll(NUMERIC_DATE)) {
    const value = iso(Number(match[3]), Number(match[2]), Number(match[1]));
    if (value) found.push({ iso: value, start: match.index!, end: match.index! + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
