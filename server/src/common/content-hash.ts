import crypto from 'node:crypto';

/** A short fingerprint of some content, to tell whether it changed without keeping it. */
export function contentHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}
