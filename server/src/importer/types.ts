import { describeReason, type ErrorReason, type ErrorReasonKey } from '@atelier/shared';

/** What the parser makes of a meeting report. */

export type MeetingKindValue = 'MEETING' | 'EXCHANGE' | 'ONLINE';

export interface ParsedAttendee {
  name: string;
  organization: string | null;
}

/** A report body's blocks. Their text keeps the source's emphasis markers (`*words*`, see inline-emphasis). */
export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bulletList'; items: string[] }
  | { type: 'orderedList'; items: string[] }
  | { type: 'table'; rows: string[][] };

export interface ParsedReport {
  title: string;
  titleNl: string | null;
  titleFr: string | null;
  kind: MeetingKindValue;
  /** ISO YYYY-MM-DD */
  date: string;
  location: string | null;
  present: ParsedAttendee[];
  excused: ParsedAttendee[];
  blocks: Block[];
}

/** A file that is not a report; its reason is also what the import tells the person who sent it. */
export class ReportParseError extends Error {
  readonly reason: ErrorReason;

  constructor(key: ErrorReasonKey) {
    const reason = { key };
    super(describeReason(reason));
    this.reason = reason;
  }
}
