/**
 * The acceptance cases of issue 2: the in-repo copy always, and `../shared/acceptance` beside the
 * checkout when it exists (it may hold newer cases than the copy).
 */
// The test reads its JSON fixtures from disk; the domain code it tests does no I/O.
// eslint-disable-next-line no-restricted-imports
import { existsSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  norwegianHolidays,
  type BusinessCalendar,
} from '../index';

interface AcceptanceCase {
  id: string;
  fn: 'addBusinessMinutes' | 'businessMinutesBetween' | 'norwegianHolidays';
  calendar?: BusinessCalendar;
  args: { start?: string; minutes?: number; from?: string; to?: string; year?: number };
  expect: string | number | string[];
  note: string;
}

const inRepo = join(__dirname, 'sla-domain-cases.json');
const beside = join(__dirname, '..', '..', '..', '..', 'shared', 'acceptance', 'sla-domain-cases.json');
const sources = [inRepo, ...(existsSync(beside) ? [beside] : [])];

function run(c: AcceptanceCase): void {
  switch (c.fn) {
    case 'addBusinessMinutes': {
      const got = addBusinessMinutes(new Date(c.args.start!), c.args.minutes!, c.calendar!);
      expect(got.toISOString()).toBe(new Date(c.expect as string).toISOString());
      break;
    }
    case 'businessMinutesBetween': {
      const got = businessMinutesBetween(new Date(c.args.from!), new Date(c.args.to!), c.calendar!);
      expect(Math.abs(got - (c.expect as number))).toBeLessThan(1e-6);
      break;
    }
    case 'norwegianHolidays':
      expect(norwegianHolidays(c.args.year!)).toEqual(c.expect);
      break;
    default:
      throw new Error(`unknown fn ${String((c as { fn: unknown }).fn)}`);
  }
}

describe.each(sources)('acceptance cases in %s', (file) => {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as AcceptanceCase[];

  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.id, c.note, c] as const))('%s: %s', (_id, _note, c) => {
    run(c);
  });
});
