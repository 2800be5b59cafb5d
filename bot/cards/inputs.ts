/** The ids of card inputs, shared by the cards and the handlers that read them. */
export const FAULT_INPUTS = {
  desk: 'desk',
  service: 'service',
  org: 'org',
  title: 'title',
  symptom: 'symptom',
  triedSoFar: 'triedSoFar',
  scope: 'scope',
  availability: 'availability',
  faultType: 'faultType',
  startedDate: 'startedDate',
  startedTime: 'startedTime',
  reporterRole: 'reporterRole',
  testContact: 'testContact',
  followers: 'followers',
} as const;
export type FaultInputId = (typeof FAULT_INPUTS)[keyof typeof FAULT_INPUTS];

/** Longest text accepted per field (the card's `maxLength` and the server's check agree). */
export const FAULT_LIMITS = {
  title: 120,
  symptom: 2000,
  triedSoFar: 2000,
  testContact: 200,
  followers: 1000,
  /** How many followers one report may name. */
  followerCount: 10,
} as const;

export const SOLUTION_INPUTS = { rejectComment: 'rejectComment' } as const;
export const SOLUTION_LIMITS = { rejectComment: 2000 } as const;
