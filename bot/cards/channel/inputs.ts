/** The ids and limits of the channel flow's card inputs, shared by the cards and their handlers. */
export const TRIAGE_INPUTS = {
  assignee: 'assignee',
  priority: 'priority',
  priorityReason: 'priorityReason',
  waitReason: 'waitReason',
  supplierCaseNumber: 'supplierCaseNumber',
  waitNote: 'waitNote',
  toLine: 'toLine',
  supplier: 'supplier',
  escalateNote: 'escalateNote',
  solution: 'solution',
  parentRef: 'parentRef',
} as const;

export const TRIAGE_LIMITS = {
  solution: 4000,
  note: 1000,
  supplierCaseNumber: 100,
  supplier: 200,
  priorityReason: 1000,
} as const;

export const NOTICE_INPUTS = {
  kind: 'noticeKind',
  services: 'noticeServices',
  title: 'noticeTitle',
  startDate: 'noticeStartDate',
  startTime: 'noticeStartTime',
  endDate: 'noticeEndDate',
  endTime: 'noticeEndTime',
  text: 'noticeText',
  shortNoticeReason: 'noticeShortReason',
  channels: 'noticeChannels',
  updateText: 'noticeUpdateText',
  updateEndDate: 'noticeUpdateEndDate',
  updateEndTime: 'noticeUpdateEndTime',
  resolveText: 'noticeResolveText',
} as const;
export type NoticeInputId = (typeof NOTICE_INPUTS)[keyof typeof NOTICE_INPUTS];

export const NOTICE_LIMITS = { title: 120, text: 2000, shortNoticeReason: 500 } as const;
