/**
 * Cut-off targets: "the same working day if received before HH:mm, otherwise the next working day".
 *
 * The rule comes from Byarkivet's service declaration for the city districts (seed 003, "Tjenestenivå
 * på daglige oppgaver"): incoming documents "registreres, journalføres og fordeles samme arbeidsdag
 * dersom de mottas før kl. 12". A working day (arbeidsdag) is a day of the desk's calendar with
 * business time (see `working-days.ts`); what is done "the same working day" is done within that
 * day's business hours, so the deadline is **that working day's closing**: the end of its last
 * period (15:00 for Byarkivet's 09:00–15:00; on a shortened day its own, earlier, closing).
 *
 * Precisely, for a receipt at instant `r` whose local date in the calendar's zone is `D`:
 * 1. The cut-off instant is `before` on `D`, local time ('24:00' is the next midnight). A cut-off in a
 *    DST gap moves forward by the gap, an ambiguous one takes the earlier instant, as every other
 *    local time of the engine; comparing instants keeps the rule monotonic on both DST days.
 * 2. If `D` is a working day, `r` is before the cut-off instant ("før kl. 12": 12:00:00.000 itself is
 *    not before) and before `D`'s closing, the deadline is `D`'s closing. A receipt before the day's
 *    opening (07:30) counts for the same day.
 * 3. Otherwise (received at or after the cut-off, after the day's closing, or on a day that is not a
 *    working day: a weekend, a public holiday, a closed day) the deadline is the closing of the first
 *    working day after `D`.
 * So with Mon–Fri 09:00–15:00 and 12:00: Tue 11:59 → Tue 15:00; Tue 12:00 → Wed 15:00; Fri 12:30 →
 * Mon 15:00; Sat 10:00 → Mon 15:00.
 *
 * In a case's SLA state (`state.ts`) the target behaves like a working-day target: its minutes are
 * the business minutes from the receipt to this deadline, and pauses push it by the business minutes
 * they cover.
 */
import { compileCalendar } from './calendar';
import { parseClock } from './calendar-validate';
import { MS_PER_DAY, MS_PER_MINUTE } from './calendar-zone';
import type { BusinessCalendar } from './index';
import { workingDayIndexAfter } from './working-days';

/**
 * The deadline of a cut-off target `before` ('HH:mm', or '24:00') for a receipt at `received`. See
 * the module comment. Throws `RangeError` for an invalid date, `ValidationError` (field `before`)
 * for a bad clock time or a calendar error naming its field.
 */
export function cutOffDeadline(received: Date, before: string, cal: BusinessCalendar): Date {
  const r = received instanceof Date ? received.getTime() : NaN;
  if (Number.isNaN(r)) throw new RangeError('received must be a valid Date');
  const cutMinutes = parseClock(before, 'before', true);
  const c = compileCalendar(cal);
  c.ensure(r);
  const day = Math.floor(c.localMs(r) / MS_PER_DAY);
  const cut = c.instantOfLocal(day * MS_PER_DAY + cutMinutes * MS_PER_MINUTE);
  const same = workingDayIndexAfter(c, day - 1, 1, r);
  if (c.wdDay[same] === day && r < cut && r < c.wdClose[same]!) return new Date(c.wdClose[same]!);
  const next = c.wdDay[same] === day ? same + 1 : same;
  // `same + 1` may lie past the compiled range: look it up again from `day` in that case.
  const i = next < c.wdCount ? next : workingDayIndexAfter(c, day, 1, r);
  return new Date(c.wdClose[i]!);
}
