/** The personal chat's words: welcome, menu, help, the fault form, my cases, a case's status and history, solutions, attachments, notices. */
import type {
  Availability,
  CaseStatus,
  FaultType,
  ReporterRole,
  Scope,
  WaitReason,
} from '../../shared/cases/model';

export interface ChatStrings {
  appName: string;
  welcome: { title: string; intro: string; whatYouCanDo: string };
  buttons: { report: string; myCases: string; notices: string; help: string };
  help: { title: string; lines: string[] };
  hint: (text: string) => string;
  form: {
    title: string;
    intro: string;
    desk: string;
    changeDesk: string;
    service: string;
    servicePlaceholder: string;
    org: string;
    titleLabel: string;
    titlePlaceholder: string;
    symptom: string;
    symptomPlaceholder: string;
    triedSoFar: string;
    triedSoFarPlaceholder: string;
    scope: string;
    availability: string;
    startedDate: string;
    startedTime: string;
    reporterRole: string;
    faultType: string;
    testContact: string;
    testContactPlaceholder: string;
    followers: string;
    followersPlaceholder: string;
    /** Beside a long text field's label: "høyst 2 000 tegn". */
    maxChars: (max: number) => string;
    submit: string;
    fixErrors: string;
  };
  scope: Record<Scope, string>;
  availability: Record<Availability, string>;
  reporterRole: Record<ReporterRole, string>;
  /** The fault type choices; `unknown` ("Vet ikke") gives the case no fault type. */
  faultType: Record<FaultType | 'unknown', string>;
  status: Record<CaseStatus, string>;
  waitReason: Record<WaitReason, string>;
  errors: {
    /** Someone their virksomhet does not let report faults here: whom to contact instead. */
    mayNotReport: (org: string, contact: string) => string;
    required: string;
    tooLong: (max: number) => string;
    /** A text longer than the field takes, said at the field; the other answers are kept. */
    tooLongBy: (max: number, length: number) => string;
    tooShort: (min: number) => string;
    invalid: string;
    unknownChoice: string;
    serviceNotInDesk: string;
    orgNotServed: string;
    badDate: string;
    future: string;
    tooOld: string;
    badPerson: string;
    /** One entry of a people field that has an @ but is no e-mail address. */
    badAddress: (entry: string) => string;
    /** One entry of a people field that is neither a name nor an e-mail address. */
    notAPerson: (entry: string) => string;
    tooManyFollowers: (max: number) => string;
    unknownAction: string;
    generic: string;
    expired: string;
    commentRequired: string;
  };
  notice: {
    title: string;
    intro: (service: string) => string;
    expectedEnd: (when: string) => string;
    joinButton: string;
    newButton: string;
  };
  confirmation: {
    title: (ref: string) => string;
    linkedToNotice: string;
    suggestedPriority: string;
    responseDue: string;
    resolutionDue: string;
    noDeadline: string;
    callNow: (phone: string, desk: string) => string;
    /** A critical fault reported while the desk is closed: when it opens. */
    closedNow: (desk: string, opens: string) => string;
    /** …and, when the desk has no after-hours text, that nobody takes it before then. */
    noAfterHours: (desk: string) => string;
    /** A critical fault joined to an active driftsmelding: no need to phone. */
    deskKnows: (desk: string) => string;
    nextTitle: string;
    next: (desk: string) => string;
    screenshots: string;
    already: string;
  };
  myCases: {
    title: string;
    none: string;
    open: string;
    recent: string;
    show: string;
    followedMark: string;
  };
  caseStatus: {
    notFound: (ref: string) => string;
    usage: string;
    history: string;
    service: string;
    priority: string;
    statusLabel: string;
    assignee: string;
    responseDue: string;
    resolutionDue: string;
    supplierCase: string;
  };
  solution: {
    title: (ref: string) => string;
    intro: string;
    solutionLabel: string;
    autoClose: (days: number) => string;
    accept: string;
    reject: string;
    rejectComment: string;
    rejectPlaceholder: string;
    thanks: (ref: string) => string;
    reopened: (ref: string) => string;
    yourAnswer: string;
  };
  update: {
    claimed: (ref: string, who: string) => string;
    waitingSupplier: (ref: string, supplierCase?: string) => string;
    waitingOther: (ref: string, reason: string) => string;
    resumed: (ref: string) => string;
    autoClosedNote: (days: number) => string;
    autoClosed: (ref: string) => string;
    open: string;
  };
  attachments: {
    saved: (name: string, ref: string) => string;
    tooLarge: (name: string, maxMb: number) => string;
    badType: (name: string) => string;
    noCase: string;
    failed: (name: string) => string;
  };
  notices: {
    title: string;
    none: string;
    kind: Record<'outage' | 'degraded' | 'planned_maintenance', string>;
  };
}
