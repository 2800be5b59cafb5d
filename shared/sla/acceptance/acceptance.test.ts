/**
 * The acceptance cases of the business-time engine: every JSON file in this folder (the domain
 * cases, and the cut-off target's and the desk calendar days' own), and `../shared/acceptance`'s
 * domain cases beside the checkout when they exist (they may be newer than the copy).
 */
// The test reads its JSON fixtures from disk; the domain code it tests does no I/O.
// eslint-disable-next-line no-restricted-imports
import { existsSync, readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { basename, join } from 'node:path';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  norwegianHolidays,
  type BusinessCalendar,
} from '../index';
import { cutOffDeadline } from '../cut-off';

interface AcceptanceCase {
  id: string;
  fn: 'addBusinessMinutes' | 'businessMinutesBetween' | 'norwegianHolidays' | 'cutOffDeadline';
  calendar?: BusinessCalendar;
  args: { start?: string; minutes?: number; from?: string; to?: string; year?: number; before?: string };
  expect: string | number | string[];
  note: string;
}

const inRepo = readdirSync(__dirname)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(__dirname, f));
const beside = join(__dirname, '..', '..', '..', '..', 'shared', 'acceptance', 'sla-domain-cases.json');
const sources = [...inRepo, ...(existsSync(beside) ? [beside] : [])];
/** The fewest cases each file must hold (so a truncated copy fails). */
const minimum = (file: string): number => (basename(file) === 'sla-domain-cases.json' ? 40 : 30);

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
    case 'cutOffDeadline': {
      const got = cutOffDeadline(new Date(c.args.start!), c.args.before!, c.calendar!);
      expect(got.toISOString()).toBe(new Date(c.expect as string).toISOString());
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
    expect(cases.length).toBeGreaterThanOrEqual(minimum(file));
  });

  it.each(cases.map((c) => [c.id, c.note, c] as const))('%s: %s', (_id, _note, c) => {
    run(c);
  });
});
