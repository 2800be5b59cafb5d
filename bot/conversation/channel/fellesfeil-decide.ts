/**
 * The desk's answer to a possible fellesfeil (the detector's proposal card in the triage channel):
 * "Lag hovedsak og driftsmelding" links every proposed undersak to the hovedsak through the change
 * service (the hovedsak records each one too) and answers with the driftsmelding form prefilled from
 * the hovedsak; "Ikke fellesfeil" tells the detector to stay quiet for this burst. Only a support line
 * of the hovedsak may answer; anyone else gets what a made-up reference gets.
 */
import { isSupportRole } from '../../../shared/access';
import { parseCaseRef, type CaseRef } from '../../../shared/ids';
import { isFristvaktError } from '../../../shared/errors';
import { card, text } from '../../cards/card';
import { channelErrorCard } from '../../cards/channel/error-card';
import { strings } from '../../i18n/strings';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { newNoticeForm } from './notices';

const refsOf = (v: unknown): CaseRef[] =>
  Array.isArray(v)
    ? v.map((x) => (typeof x === 'string' ? parseCaseRef(x) : null)).filter((x) => x !== null)
    : [];

type Checked =
  | { answer: InvokeResult }
  | {
      parentRef: CaseRef;
      proposalId: string;
      seen: NonNullable<Awaited<ReturnType<Turn['deps']['changes']['read']>>>;
    };

async function supportOnParent(turn: Turn, data: Record<string, unknown>): Promise<Checked> {
  const parentRef = typeof data.parentRef === 'string' ? parseCaseRef(data.parentRef) : null;
  if (!parentRef || typeof data.proposalId !== 'string')
    return { answer: errorResult(400, 'MALFORMED_BODY', turn.s.errors.expired) };
  const seen = await turn.deps.changes.read(parentRef, turnActor(turn));
  if (!seen || !isSupportRole(seen.role))
    return {
      answer: cardResult(
        channelErrorCard({
          locale: turn.locale,
          message: strings(turn.locale).channel.errors.notFound(parentRef),
        }),
      ),
    };
  return { parentRef, proposalId: data.proposalId, seen };
}

export async function fellesfeilAccept(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const checked = await supportOnParent(turn, data);
  if ('answer' in checked) return checked.answer;
  const { parentRef, proposalId, seen } = checked;
  let linked = 0;
  for (const child of refsOf(data.childRefs)) {
    if (child === parentRef) continue;
    try {
      await turn.deps.changes.apply(
        child,
        { type: 'link_to_parent', parent: parentRef },
        turnActor(turn),
        turn.now,
      );
      linked += 1;
    } catch (err) {
      // Already linked, closed, or not visible: the others are still linked; the log names it.
      if (!isFristvaktError(err)) throw err;
      turn.deps.log.info(`fellesfeil ${proposalId}: ${child} not linked to ${parentRef}: ${err.code}`);
    }
  }
  await turn.deps.fellesfeil?.decide(proposalId, 'accepted', turn.user.name, parentRef);
  turn.deps.log.info(
    `fellesfeil ${proposalId}: ${linked} undersak(er) linked to ${parentRef} by ${turn.user.id}`,
  );
  const c = seen.found.value;
  return cardResult(
    newNoticeForm(turn, seen.desk, { caseRef: c.ref, serviceId: c.serviceId, title: c.title }),
  );
}

export async function fellesfeilReject(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const checked = await supportOnParent(turn, data);
  if ('answer' in checked) return checked.answer;
  await turn.deps.fellesfeil?.decide(checked.proposalId, 'rejected', turn.user.name);
  return cardResult(
    card([
      text(
        turn.locale === 'en'
          ? 'Noted: not a major incident. Fristvakt will not propose it again for this burst.'
          : 'Notert: ikke fellesfeil. Fristvakt foreslår det ikke igjen for denne bølgen.',
      ),
    ]),
  );
}
