import { describe, expect, it } from 'vitest';
import { requireIsoDate, requireKey, requireText } from './validate.js';
import { DomainError } from './errors.js';

describe('validation', () => {
  it('accepts real dates only', () => {
    expect(requireIsoDate('date', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2024-13-45', '2023-02-29', '18/12/2018', '', '2024-1-1']) {
      expect(() => requireIsoDate('date', bad)).toThrow(DomainError);
    }
  });

  it('trims text, strips NUL and refuses blanks', () => {
    expect(requireText('title', '  a\u0000b ')).toBe('ab');
    expect(() => requireText('title', '  ')).toThrow(/title must not be blank/);
  });

  it('checks keys', () => {
    expect(requireKey('key', 'training-needs')).toBe('training-needs');
    expect(() => requireKey('key', 'Training Needs')).toThrow(DomainError);
  });
});
