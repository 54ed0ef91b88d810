import { badInput } from './errors.js';

/** Input checks shared by the services; each names the offending field in its error. */

export function requireText(field: string, value: string | null | undefined, max = 500): string {
  const text = (value ?? '').replace(/\u0000/g, '').trim();
  if (text === '') throw badInput(field, { key: 'blank', params: { field } });
  if (text.length > max) throw badInput(field, { key: 'tooLong', params: { field, max } });
  return text;
}

export function optionalText(field: string, value: string | null | undefined, max = 20000): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\u0000/g, '').trim();
  if (text.length > max) throw badInput(field, { key: 'tooLong', params: { field, max } });
  return text === '' ? null : text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as `YYYY-MM-DD` (2024-13-45 and 2023-02-29 are refused). */
export function requireIsoDate(field: string, value: string | null | undefined): string {
  const match = ISO_DATE.exec((value ?? '').trim());
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return match[0];
    }
  }
  throw badInput(field, { key: 'notADate', params: { field, value: String(value).slice(0, 40) } });
}

export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw badInput(field, { key: 'notOneOf', params: { field, allowed: allowed.join(', ') } });
}

export function cleanAliases(field: string, aliases: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of aliases ?? []) {
    const alias = optionalText(field, raw, 300);
    if (alias && !seen.has(alias.toLowerCase())) {
      seen.add(alias.toLowerCase());
      out.push(alias);
    }
  }
  return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(field: string, value: string | null | undefined): string {
  const email = (value ?? '').trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 320) throw badInput(field, { key: 'notAnEmail', params: { field } });
  return email;
}

/** Keys of themes and methods: lower-case words joined by dashes. */
export function requireKey(field: string, value: string | null | undefined): string {
  const key = (value ?? '').trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) || key.length > 100) {
    throw badInput(field, { key: 'notAKey', params: { field } });
  }
  return key;
}
