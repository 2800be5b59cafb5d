/**
 * A possible fellesfeil, posted in the desk's triage channel by the detector: the headline ("Mulig
 * fellesfeil: 5 saker om Gerica fra 3 virksomheter siste 10 min"), the proposed hovedsak and why, the
 * undersaker, and "Lag hovedsak og driftsmelding" / "Ikke fellesfeil". Once decided (or expired) the
 * same card says so, without buttons.
 */
import type { Locale } from '../../../shared/i18n-text';
import { plainTextForCard } from '../../../shared/text';
import { actionSet, card, container, execute, facts, text, type CardJson } from '../card';
import { CHANNEL_VERBS } from './verbs';

export interface FellesfeilProposalCardData {
  locale: Locale;
  proposalId: string;
  deskId: string;
  headline: string;
  /** Why the detector proposed it, in words (`fellesfeilReason`). */
  reason?: string;
  parentRef: string;
  parentReason: 'service_administrator' | 'administrator' | 'earliest';
  childRefs: string[];
  otherDeskRefs: string[];
  status: 'open' | 'accepted' | 'rejected' | 'expired';
  /** Who decided, for a decided proposal. */
  decidedBy?: string;
  banner?: string;
}

const WORDS = {
  nb: {
    parent: 'Hovedsak',
    children: 'Undersaker',
    otherDesks: 'Hos andre servicesentre',
    why: {
      service_administrator: 'meldt av tjenestens forvalter',
      administrator: 'meldt av en forvalter',
      earliest: 'den første meldingen',
    },
    accept: 'Lag hovedsak og driftsmelding',
    reject: 'Ikke fellesfeil',
    accepted: (who: string) => `${who} gjorde dette til en fellesfeil.`,
    rejected: (who: string) =>
      `${who} svarte: ikke fellesfeil. Fristvakt foreslår det ikke igjen for denne bølgen.`,
    expired: 'Forslaget gikk ut: ingen nye meldinger på en stund.',
    none: 'ingen',
  },
  en: {
    parent: 'Parent case',
    children: 'Child cases',
    otherDesks: 'At other desks',
    why: {
      service_administrator: "reported by the service's administrator",
      administrator: 'reported by an administrator',
      earliest: 'the first report',
    },
    accept: 'Make parent case and notice',
    reject: 'Not a major incident',
    accepted: (who: string) => `${who} made this a major incident.`,
    rejected: (who: string) =>
      `${who} answered: not a major incident. Fristvakt will not propose it again for this burst.`,
    expired: 'The proposal expired: no new reports for a while.',
    none: 'none',
  },
} as const;

export function fellesfeilProposalCard(d: FellesfeilProposalCardData): CardJson {
  const w = WORDS[d.locale];
  const list = (refs: string[]): string => (refs.length > 0 ? plainTextForCard(refs.join(', ')) : w.none);
  const status =
    d.status === 'accepted'
      ? w.accepted(plainTextForCard(d.decidedBy ?? ''))
      : d.status === 'rejected'
        ? w.rejected(plainTextForCard(d.decidedBy ?? ''))
        : d.status === 'expired'
          ? w.expired
          : undefined;
  const pairs: Array<[string, string]> = [
    [w.parent, `${plainTextForCard(d.parentRef)} (${w.why[d.parentReason]})`],
    [w.children, list(d.childRefs)],
  ];
  if (d.otherDeskRefs.length > 0) pairs.push([w.otherDesks, list(d.otherDeskRefs)]);
  const data = { proposalId: d.proposalId, deskId: d.deskId, parentRef: d.parentRef, childRefs: d.childRefs };
  return card([
    container(
      [
        text(plainTextForCard(d.headline), { weight: 'bolder' }),
        ...(d.reason ? [text(plainTextForCard(d.reason), { isSubtle: true })] : []),
      ],
      {
        style: d.status === 'open' ? 'warning' : 'emphasis',
        id: 'headline',
      },
    ),
    facts(pairs),
    ...(d.banner ? [text(plainTextForCard(d.banner))] : []),
    ...(status ? [text(status)] : []),
    ...(d.status === 'open'
      ? [
          actionSet([
            execute(w.accept, CHANNEL_VERBS.fellesfeilAccept, data, { style: 'positive' }),
            execute(w.reject, CHANNEL_VERBS.fellesfeilReject, data),
          ]),
        ]
      : []),
  ]);
}
