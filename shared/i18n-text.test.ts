import { localeOf } from './i18n-text';

describe('locale tags', () => {
  it('takes English from en-* and Norwegian otherwise', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('nb-NO')).toBe('nb');
    expect(localeOf('nn-NO')).toBe('nb');
    expect(localeOf(undefined)).toBe('nb');
  });
});
