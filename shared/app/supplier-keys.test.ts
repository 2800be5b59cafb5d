import { createKeyMatcher, matchesActiveKey, newApiKey } from './supplier-keys';
import { isoInstant, userId } from '../ids';
import { supplierId } from '../suppliers/model';

const AT = isoInstant(new Date('2026-03-03T09:00:00Z'));
const made = newApiKey(supplierId('sopra'), AT, userId('u-admin'));
const other = newApiKey(supplierId('sopra'), AT, userId('u-admin'));
const active = { apiKeys: [made.stored, other.stored] };
const revoked = { apiKeys: [{ ...made.stored, revokedAt: AT }, other.stored] };

describe('supplier API keys', () => {
  it('matches the active key only, as the memoised matcher does', () => {
    const matches = createKeyMatcher();
    for (const check of [matchesActiveKey, matches]) {
      expect(check(active, made.text)).toBe(true);
      expect(check(active, `${made.text.slice(0, -1)}x`)).toBe(false);
      expect(check(active, 'not a key')).toBe(false);
      expect(check(revoked, made.text)).toBe(false);
      expect(check(revoked, other.text)).toBe(true);
    }
  });

  it('the memo keeps the hash, never the verdict: a key revoked after many good calls fails at once', () => {
    const matches = createKeyMatcher();
    for (let i = 0; i < 5; i += 1) expect(matches(active, made.text)).toBe(true);
    expect(matches(revoked, made.text)).toBe(false);
    expect(matches(active, made.text)).toBe(true);
  });

  it('hashes a remembered key once, and never remembers a key that did not match', () => {
    const hashed: string[] = [];
    const matches = createKeyMatcher(2);
    const spy = jest.spyOn(jest.requireActual<typeof import('node:crypto')>('node:crypto'), 'createHash');
    try {
      for (let i = 0; i < 4; i += 1) matches(active, made.text);
      for (let i = 0; i < 3; i += 1) matches(active, `${made.text.slice(0, -1)}x`);
      hashed.push(...spy.mock.calls.map((c) => String(c[0])));
    } finally {
      spy.mockRestore();
    }
    // One for the good key (then remembered), one per try of the wrong one.
    expect(hashed).toEqual(['sha256', 'sha256', 'sha256', 'sha256']);
  });
});
