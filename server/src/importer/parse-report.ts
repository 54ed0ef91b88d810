import { parseAttendeeList, PRESENT_LABEL, EXCUSED_LABEL } from './parse-attendance.js';
import { findDates, foldAccents } from './parse-date.js';
import { parseBlocks } from './parse-blocks.js';
import { ReportParseError, type MeetingKindValue, type ParsedAttendee, type ParsedReport } from './types.js';

export { ReportParseError } from './types.js';

/** Refuses what is not a text report: NUL bytes, invalid UTF-8 (U+FFFD), mostly control characters. */
function assertText(text: string): void {
  if (text.trim() === '') throw new ReportParseError('reportEmpty');
  if (text.includes('\u0000')) throw new ReportParseError('reportBinary');
  const sample = text.slice(0, 20_000);
  const odd = (sample.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  if (odd > Math.max(3, sample.length * 0.01)) {
    throw new ReportParseError('reportNotText');
  }
}

function kindOf(header: string): MeetingKindValue {
  const folded = foldAccents(header).toLowerCase();
  if (/\bonline\b|en ligne|\bvirtu|\bwebinar|\bvisio/.test(folded)) return 'ONLINE';
  if (/uitwisseling|echange|werkbezoek|\bvisite\b|\bbezoek\b/.test(folded)) return 'EXCHANGE';
  return 'MEETING';
}

const TITLE_HINT = /verslag|rapport|report|bijeenkomst|rencontre|vergadering|r[ée]union|uitwisseling|[ée]change/i;

/** "Verslag bijeenkomst OCMW's – *Rapport rencontre des CPAS* AMIF …" → the Dutch and French halves. */
function titles(header: string[]): { title: string; titleNl: string | null; titleFr: string | null } {
  const line = header.find((candidate) => TITLE_HINT.test(candidate)) ?? header.find((candidate) => findDates(candidate).length) ?? '';
  const beforeDate = (() => {
    const date = findDates(line)[0];
    return (date ? line.slice(0, date.start) : line).replace(/\*/g, '');
  })();
  const cleaned = beforeDate.replace(/\b(AMIF|FAMI)\s*$/i, '').replace(/\s+/g, ' ').trim();
  const halves = cleaned.split(/\s+[–—-]\s+|\s*\/\s+/).map((half) => half.trim()).filter(Boolean);
  const french = /\b(rapport|rencontre|r[ée]union|[ée]change|des|en ligne)\b/i;
  const titleFr = halves.find((half) => french.test(half)) ?? null;
  const titleNl = halves.find((half) => half !== titleFr) ?? null;
  const title = [titleNl, titleFr].filter(Boolean).join(' – ') || cleaned || 'Verslag';
  return { title, titleNl, titleFr };
}

function locationFrom(header: string[]): string | null {
  for (let i = 0; i < header.length; i++) {
    const dates = findDates(header[i]);
    if (!dates.length) continue;
    const rest = header[i].slice(dates[dates.length - 1].end).replace(/^[\s,–—-]+/, '').trim();
    if (rest.length >= 3) return rest;
    const next = header[i + 1]?.trim();
    if (next && !PRESENT_LABEL.test(next) && !findDates(next).length && /zaal|salle|sale|lieu|locatie|plaats|,/i.test(next)) return next;
  }
  const labelled = header.find((line) => /^\s*(locatie|plaats|lieu|location)\s*:/i.test(line));
  return labelled ? labelled.replace(/^[^:]*:\s*/, '').trim() || null : null;
}

/** The list after a label: on the label's line and the lines after it, up to a blank line or the next label. */
function readList(lines: string[], start: number, label: RegExp): { attendees: ParsedAttendee[]; end: number } {
  const parts = [lines[start].replace(label, '')];
  let i = start + 1;
  const continues = (line: string) => line.trim() !== '' && !PRESENT_LABEL.test(line) && !EXCUSED_LABEL.test(line);
  // The list may start on the next line ("Aanwezig:" alone on its line).
  if (parts[0].trim() === '') {
    while (i < lines.length && lines[i].trim() === '') i++;
  }
  while (i < lines.length && continues(lines[i]) && (parts.join('').trim() === '' || /[,;(]|\)\s*$/.test(lines[i]) || /,\s*$/.test(parts[parts.length - 1]))) {
    parts.push(lines[i]);
    i++;
  }
  return { attendees: parseAttendeeList(parts.join('\n')), end: i };
}

export function parseReport(input: string): ParsedReport {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  assertText(text);
  const lines = text.split('\n');

  const presentAt = lines.findIndex((line) => PRESENT_LABEL.test(line));
  if (presentAt === -1) {
    throw new ReportParseError('reportWithoutAttendance');
  }
  const header = lines.slice(0, presentAt).filter((line) => line.trim() !== '');
  const date = findDates(header.join('\n'))[0]?.iso ?? findDates(lines.slice(0, presentAt + 10).join('\n'))[0]?.iso;
  if (!date) throw new ReportParseError('reportWithoutDate');

  const present = readList(lines, presentAt, PRESENT_LABEL);
  let bodyStart = present.end;
  let excused: ParsedAttendee[] = [];
  for (let i = present.end; i < Math.min(lines.length, present.end + 6); i++) {
    if (EXCUSED_LABEL.test(lines[i])) {
      const list = readList(lines, i, EXCUSED_LABEL);
      excused = list.attendees;
      bodyStart = list.end;
      break;
    }
  }
  if (!present.attendees.length) throw new ReportParseError('reportAttendanceEmpty');

  const headerText = header.join('\n');
  return {
    ...titles(header),
    kind: kindOf(header.filter((line) => TITLE_HINT.test(line) || findDates(line).length).join('\n') || headerText),
    date,
    location: locationFrom(header),
    present: present.attendees,
    excused,
    blocks: parseBlocks(lines.slice(bodyStart)),
  };
}
