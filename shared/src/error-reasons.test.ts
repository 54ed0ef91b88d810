import { describe, expect, it } from 'vitest';
import { describeReason } from './error-reasons.js';

describe('describeReason', () => {
  it('fills in the parameters', () => {
    expect(describeReason({ key: 'tooLong', params: { field: 'title', max: 500 } })).toBe('title is longer than 500 characters');
    expect(describeReason({ key: 'synonymTaken', params: { term: '$&', group: 'a, b' } })).toBe('"$&" is already in the group "a, b"');
  });

  it('leaves a parameter it was not given visible rather than empty', () => {
    expect(describeReason({ key: 'passwordTooShort' })).toBe('The password must have at least {{min}} characters');
    expect(describeReason({ key: 'deleteSelf' })).toBe('You cannot delete yourself');
  });
});
