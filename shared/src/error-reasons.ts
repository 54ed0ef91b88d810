/**
 * Why the server refused a request, for the refusals a person can run into from the app. The
 * server sends the English text as the error's message and the key and its parameters as
 * `extensions.reason` and `extensions.params`, so the app can say it in the reader's language
 * (the client's English messages are these texts; Dutch and French translate every key).
 * `{{name}}` is a parameter, as in i18next.
 */
export const ERROR_REASONS = {
  blank: '{{field}} must not be blank',
  tooLong: '{{field}} is longer than {{max}} characters',
  notADate: '{{field}} must be a real date written YYYY-MM-DD, got "{{value}}"',
  notOneOf: '{{field}} must be one of {{allowed}}',
  notAnEmail: '{{field}} must be an email address',
  notAKey: '{{field}} must be lower-case letters and digits joined by dashes',
  passwordTooShort: 'The password must have at least {{min}} characters',
  ownAdminRole: 'You cannot take the admin role away from yourself',
  deleteSelf: 'You cannot delete yourself',
  emailTaken: 'A user with this email already exists',
  organizationNameTaken: 'An organisation named "{{name}}" already exists',
  organizationMergedIntoItself: 'An organisation cannot be merged into itself',
  personMergedIntoItself: 'A person cannot be merged into itself',
  synonymsTooMany: 'A synonym group holds at most {{max}} words',
  synonymTooShort: '"{{term}}" needs at least two letters or digits',
  synonymsTooFew: 'A synonym group needs at least two different words',
  synonymTaken: '"{{term}}" is already in the group "{{group}}"',
  unknownTheme: 'Unknown theme "{{key}}"',
  reportTooLarge: 'The report is larger than {{max}}',
  reportEmpty: 'The file is empty',
  reportBinary: 'The file is binary (it contains NUL bytes), not a text report',
  reportNotText: 'The file does not look like text (invalid UTF-8 or control characters); export the report as plain UTF-8 text',
  reportWithoutAttendance: 'No attendance list found: a report names who was there on a line starting with "Aanwezigen:" or "Présents:"',
  reportWithoutDate: 'No meeting date found before the attendance list (e.g. "18 december 2018" or "18 décembre 2018")',
  reportAttendanceEmpty: 'The attendance list is empty',
} as const;

export type ErrorReasonKey = keyof typeof ERROR_REASONS;
export type ErrorParams = Readonly<Record<string, string | number>>;

export interface ErrorReason {
  key: ErrorReasonKey;
  params?: ErrorParams;
}

/** The reason in English, its parameters filled in. */
export function describeReason({ key, params = {} }: ErrorReason): string {
  return ERROR_REASONS[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
