import { detectAddressee, MAX_COMMENT_LENGTH, plainTextForCard } from './text';

describe('plainTextForCard', () => {
  it('escapes Markdown so a card shows the text as written', () => {
    expect(plainTextForCard('**fet** og _kursiv_ [lenke](https://evil.example)')).toBe(
      '\\*\\*fet\\*\\* og \\_kursiv\\_ \\[lenke\\](https://evil.example)',
    );
    expect(plainTextForCard('# Overskrift')).toBe('\\# Overskrift');
    expect(plainTextForCard('- punkt\n1. nummer\n> sitat')).toBe('\\- punkt\n\n1\\. nummer\n\n\\> sitat');
    expect(plainTextForCard('`kode` ~~streket~~ <b>html</b>')).toBe(
      '\\`kode\\` \\~\\~streket\\~\\~ \\<b\\>html\\</b\\>',
    );
  });

  it('stops {{DATE(…)}} functions and keeps backslashes literal', () => {
    const out = plainTextForCard('{{DATE(2026-01-01T00:00:00Z, SHORT)}} C:\\temp');
    expect(out).not.toContain('{{');
    expect(out).toContain('C:\\\\temp');
  });

  it('leaves ordinary Norwegian text alone and keeps the lines', () => {
    expect(plainTextForCard('Hei UKE, skjermen blir svart. Æ ø å?')).toBe(
      'Hei UKE, skjermen blir svart. Æ ø å?',
    );
    expect(plainTextForCard('linje 1\nlinje 2')).toBe('linje 1\n\nlinje 2');
  });

  it('has a length limit of 4 000 characters', () => {
    expect(MAX_COMMENT_LENGTH).toBe(4000);
  });
});

describe('detectAddressee', () => {
  it('finds the addressee after a greeting (seed 002 §5.1)', () => {
    expect(detectAddressee('Hei UKE, kan dere se på dette?')).toBe('UKE');
    expect(detectAddressee('Hei Sopra Steria, feilen er tilbake.')).toBe('Sopra Steria');
    expect(detectAddressee('hallo Kundeservice! Takk.')).toBe('Kundeservice');
  });

  it('prefers a known name, spelt as known, even without punctuation', () => {
    expect(detectAddressee('hei sopra steria feilen er tilbake', ['UKE', 'Sopra Steria'])).toBe(
      'Sopra Steria',
    );
    expect(detectAddressee('Hei UKEs servicesenter, hjelp', ['UKE'])).toBe('UKEs servicesenter');
  });

  it('names nobody without a greeting or a name', () => {
    expect(detectAddressee('Skjermen er svart. Hei!')).toBeUndefined();
    expect(detectAddressee('Hei, jeg har fortsatt feil')).toBeUndefined();
    expect(detectAddressee('Hei jeg lurer på om dere har sett på saken min, den haster.')).toBeUndefined();
  });
});

describe('plainTextForCard on text it leaves as it is', () => {
  /** The escaping rules, applied always (what plainTextForCard did before it returned plain text as it is). */
  const everyRule = (text: string): string =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) =>
        line
          .replace(/^[ \t]+/, (ws) => '\u00a0'.repeat(ws.length))
          .replace(/[\\`*_[\]<>~|{}&]/g, (ch) => `\\${ch}`)
          .replace(/^(\s*)([#+\-=])/, '$1\\$2')
          .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
      )
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n');

  it('gives what every rule gives, for every short text of letters, digits, spaces and markup', () => {
    const alphabet = ['a', 'Ø', '1', ' ', '\t', '\u00a0', '.', ')', '#', '-', '=', '*', '\n', '\r'];
    let texts = [''];
    for (let length = 1; length <= 4; length++)
      texts = [
        ...texts,
        ...texts.filter((t) => t.length === length - 1).flatMap((t) => alphabet.map((ch) => t + ch)),
      ];
    expect(texts.length).toBeGreaterThan(40_000);
    for (const text of texts) expect(plainTextForCard(text)).toBe(everyRule(text));
    for (const text of [
      '',
      'Lønnsslippen vises ikke',
      '12 skjermer',
      '12. mai',
      '3) tre',
      ' innrykk',
      '\u00a0-x',
    ])
      expect(plainTextForCard(text)).toBe(everyRule(text));
  });
});
