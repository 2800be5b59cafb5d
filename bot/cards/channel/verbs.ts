/**
 * The `Action.Execute` verbs of the channel flow: the triage card's desk actions and the
 * driftsmelding card. Spread into `VERBS` (cards/verbs.ts), so the verb table must route each of them.
 */
export const CHANNEL_VERBS = {
  /** Universal Actions refresh of a triage card: the card for that viewer; data `{ ref }`. */
  triageRefresh: 'triage.refresh',
  /** Desk actions on a triage card; data `{ ref, version }` plus the form's inputs. */
  triageClaim: 'triage.claim',
  triageAssign: 'triage.assign',
  triagePriority: 'triage.priority',
  triageWait: 'triage.wait',
  triageResume: 'triage.resume',
  triageEscalate: 'triage.escalate',
  triageSolve: 'triage.solve',
  triageLink: 'triage.link',
  /** Open the driftsmelding form from a case (its service and the case as hovedsak); data `{ ref }`. */
  triageNotice: 'triage.notice',
  /** A supplier's incident: "Info til sluttbrukere? Ja/Nei" (seed 001 M.2.1.6); data `{ ref, version, inform }`. */
  triageEndUserInfo: 'triage.endUserInfo',
  /** Publish the driftsmelding form; data `{ deskId, noticeId, caseRef? }`. */
  noticePublish: 'notice.publish',
  /** Update a published notice (edits every copy, adds a reply); data `{ id, deskId, version }`. */
  noticeUpdate: 'notice.update',
  /** "Løst": close the notice everywhere, tell the reporters of linked cases; data `{ id, deskId, version }`. */
  noticeResolve: 'notice.resolve',
  /** A possible fellesfeil: make the hovedsak, link the undersaker, open the notice form; data `{ proposalId, deskId, parentRef, childRefs }`. */
  fellesfeilAccept: 'fellesfeil.accept',
  /** "Ikke fellesfeil": the detector stays quiet for this burst; data `{ proposalId, deskId, parentRef }`. */
  fellesfeilReject: 'fellesfeil.reject',
} as const;
export type ChannelVerb = (typeof CHANNEL_VERBS)[keyof typeof CHANNEL_VERBS];
