/**
 * The channel's words (triage card, desk actions, driftsmeldinger). Posts in a desk's channel are in
 * Norwegian (the desks work in Norwegian); a card answered to one viewer (refresh, action) follows that
 * viewer's Teams locale.
 */

export interface ChannelStrings {
  /** A command said where it does not answer. */
  commands: {
    /** A personal command in a channel: write it to the bot in chat (nothing is shown here). */
    inChat: (command: string) => string;
    /** A channel command in the 1:1 chat. */
    inChannel: (command: string) => string;
  };
  help: { title: string; lines: string[]; personal: string };
  link: {
    triage: (desk: string) => string;
    notices: (desk: string) => string;
    whoMayAct: (names: string) => string;
    /** How many of the desk's open cases linking posted here; `more` when there were more than that. */
    openPosted: (n: number, more: boolean) => string;
    group: string;
    onlyInChannel: string;
    usage: (desks: string) => string;
    unknownDesk: (arg: string, desks: string) => string;
    notMember: (desk: string) => string;
    alreadyNotices: (desk: string) => string;
  };
  card: {
    newCase: string;
    service: string;
    org: string;
    reporter: string;
    /** The reporter row of a supplier's incident: the supplier, not a person with a role. */
    reporterSupplier: string;
    scope: string;
    priority: string;
    status: string;
    assignee: string;
    nobody: string;
    line: string;
    supplierCase: string;
    response: string;
    resolution: string;
    due: (when: string) => string;
    met: string;
    noTarget: string;
    deadlines: string;
    overall: Record<'on_track' | 'at_risk' | 'breached' | 'paused' | 'done', string>;
    parent: (ref: string) => string;
    children: (n: number) => string;
    readOnly: string;
    asOf: (when: string) => string;
    testContact: string;
    availability: string;
    startedAt: string;
    symptom: string;
    triedSoFar: string;
    solution: string;
    showMore: string;
    showLess: string;
    noticeJoined: string;
    openNotice: string;
    openInTab: string;
    /** A person known only by id: said so in words. */
    unnamed: (id: string) => string;
  };
  actions: {
    claim: string;
    assign: string;
    priority: string;
    wait: string;
    resume: string;
    escalate: string;
    solve: string;
    link: string;
    notice: string;
    save: string;
    more: string;
    incident: string;
    assignee: string;
    newPriority: string;
    priorityReason: string;
    waitReason: string;
    supplierCaseNumber: string;
    note: string;
    toLine: string;
    supplierName: string;
    solution: string;
    solutionPlaceholder: string;
    childrenToo: (n: number) => string;
    parentRef: string;
    parentPlaceholder: string;
  };
  done: {
    claimed: string;
    assigned: (who: string) => string;
    priority: (to: string) => string;
    waiting: (reason: string, no?: string) => string;
    resumed: string;
    escalated: (to: string, supplier?: string) => string;
    solved: string;
    solvedChildren: (n: number) => string;
    linked: (parent: string) => string;
    childLinked: (child: string, count: number) => string;
  };
  errors: {
    notMember: (desk: string) => string;
    notFound: (ref: string) => string;
    first: (who: string, what: string, when: string) => string;
    changedMeanwhile: string;
    illegal: (status: string) => string;
    required: (field: string) => string;
    tooLong: (field: string, max: number) => string;
    badChoice: (field: string) => string;
    alreadyYours: string;
    alreadyAssigned: (who: string) => string;
    samePriority: string;
    sameWait: string;
    sameLine: string;
    badParent: string;
    generic: string;
    title: string;
  };
  notice: {
    formTitle: string;
    formIntro: string;
    kind: string;
    services: string;
    title: string;
    titlePlaceholder: string;
    startDate: string;
    startTime: string;
    endDate: string;
    endTime: string;
    text: string;
    textPlaceholder: string;
    shortNoticeReason: string;
    shortNoticeHint: string;
    channels: string;
    noChannels: string;
    publish: string;
    fixErrors: string;
    kinds: Record<'outage' | 'degraded' | 'planned_maintenance', string>;
    status: Record<'active' | 'resolved', string>;
    start: string;
    expectedEnd: string;
    resolvedAt: string;
    unknownEnd: string;
    affected: string;
    hovedsak: string;
    linkedCases: (n: number) => string;
    update: string;
    updateText: string;
    resolve: string;
    resolveText: string;
    published: (n: number) => string;
    updatedReply: (who: string, when: string, text: string) => string;
    resolvedReply: (who: string, when: string) => string;
    reporterResolved: (ref: string, title: string) => string;
    notFound: string;
    alreadyResolved: string;
    threeDays: string;
    startInPast: string;
    endBeforeStart: string;
    noDesk: string;
    field: { required: string; tooLong: (max: number) => string; badChoice: string; badDate: string };
  };
  /** An incident an operations supplier reported itself (seed 001 M.2). */
  incident: {
    /** The card's line: who reported it and how to reach them (M.2.1.3: kritisk = telefon). */
    reportedBy: (supplier: string, phone: string, email: string) => string;
    informationOnly: string;
    /** M.2.1.6: "Info til sluttbrukere?" and its answers. */
    question: string;
    yes: string;
    no: string;
    decided: (inform: boolean) => string;
    /** The card's heading over the supplier's possible solution (where a fault shows what was tried). */
    possibleSolution: string;
    /** The channel alert of a critical incident (with mentions). */
    criticalAlert: (ref: string, title: string, supplier: string, phone: string, email: string) => string;
  };
  /** An operations supplier holding a case (escalation pick-list, where the case is, the e-mail to copy). */
  supplier: {
    /** The pick-list of configured suppliers operating the case's service. */
    pick: string;
    /** The free-text field for a supplier not configured. */
    other: string;
    none: string;
    /** "Hos leverandør": the card's label. */
    heldBy: string;
    held: (name: string, since: string) => string;
    lastContact: (when: string) => string;
    caseNumber: string;
    /** A supplier typed by name, without a name. */
    unnamed: string;
    /** Above the e-mail to copy: whom to send it to. */
    emailIntro: (name: string, to: string) => string;
    emailSubject: string;
  };
}
