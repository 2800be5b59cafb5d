/**
 * The fault-report card: the checklist of seed 002 §7.1–7.2 as one Adaptive Card. Re-rendered by the
 * server with the user's answers kept and a Norwegian message under each bad field.
 *
 * Required fields are marked with * but not `isRequired`: the server validates (and the desk switch must
 * submit a half-filled form without the client blocking it).
 *
 * Followers and the test contact are text fields (names or e-mails): the Agents Playground has no people
 * picker, and this card must work there. Teams' people picker (`choices.data` Data.Query) is not used yet.
 *
 * Text fields carry no `maxLength`: a client cuts a longer text silently (typing stops, a paste is
 * truncated). The long fields say their limit in the label instead, and the server answers a text that
 * is too long with a message at the field, the user's answers kept (`FAULT_LIMITS`).
 */
import type { Locale } from '../../shared/i18n-text';
import type { Availability, FaultType, ReporterRole, Scope } from '../../shared/cases/model';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import {
  actionSet,
  card,
  choices,
  execute,
  heading,
  text,
  type CardElement,
  type CardJson,
  type Json,
} from './card';
import { VERBS } from './verbs';

/** The form's input ids, read back by the fault handlers (conversation/personal/fault). */
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

/** Longest text accepted per field: the server's check, and the long fields' labels. */
export const FAULT_LIMITS = {
  title: 120,
  symptom: 2000,
  triedSoFar: 2000,
  testContact: 200,
  followers: 1000,
  /** How many followers one report may name. */
  followerCount: 10,
} as const;

export const SCOPES: readonly Scope[] = ['me', 'department', 'organisation', 'several_organisations'];
export const AVAILABILITIES: readonly Availability[] = ['partial', 'all'];
/** Seed 002 §5.1.2.3: a technical fault notifies the service's forvalter. */
export const FAULT_TYPES: readonly FaultType[] = [
  'functional',
  'technical_application',
  'technical_infrastructure',
];
/** "Vet ikke": the case gets no fault type. */
export const FAULT_TYPE_UNKNOWN = 'unknown';

export const REPORTER_ROLES: readonly ReporterRole[] = [
  'employee',
  'superuser',
  'first_line',
  'administrator',
];

export interface Option {
  id: string;
  name: string;
}

export type FaultFormValues = Partial<Record<FaultInputId, string>>;

export interface FaultFormData {
  locale: Locale;
  /** Put in every action's data: a replayed submit of this card creates no second case. */
  clientKey: string;
  desks: Option[];
  deskId: string;
  /** The chosen desk's services. */
  services: Option[];
  /** The virksomheter the chosen desk serves. */
  orgs: Option[];
  values: FaultFormValues;
  errors: Partial<Record<FaultInputId, string>>;
  /** Today in Oslo (`YYYY-MM-DD`): the start date's maximum. */
  today: string;
}

export function faultFormCard(d: FaultFormData): CardJson {
  const s = strings(d.locale);
  const f = s.form;
  const hasErrors = Object.keys(d.errors).length > 0;
  const v = (id: FaultInputId): string | undefined => d.values[id];
  const errorUnder = (id: FaultInputId): CardElement[] =>
    d.errors[id]
      ? [text(d.errors[id], { color: 'attention', size: 'small', spacing: 'none', id: `${id}Error` })]
      : [];
  const label = (l: string, required: boolean): string => (required ? `${l} *` : l);

  const choiceSet = (
    id: FaultInputId,
    l: string,
    options: Array<[string, string]>,
    extra: Record<string, Json> = {},
  ): CardElement[] => [
    {
      type: 'Input.ChoiceSet',
      id,
      label: label(l, true),
      choices: choices(options),
      ...(v(id) !== undefined ? { value: v(id) } : {}),
      ...extra,
    },
    ...errorUnder(id),
  ];

  const textInput = (
    id: FaultInputId,
    l: string,
    placeholder: string,
    options: { required: boolean; maxLength: number; multiline?: boolean },
  ): CardElement[] => [
    {
      type: 'Input.Text',
      id,
      // The limit is said where it matters (long texts); the server checks every field.
      label: label(options.multiline ? `${l} (${f.maxChars(options.maxLength)})` : l, options.required),
      placeholder,
      ...(options.multiline ? { isMultiline: true } : {}),
      ...(v(id) !== undefined ? { value: v(id) } : {}),
    },
    ...errorUnder(id),
  ];

  const deskRow: CardElement[] =
    d.desks.length > 1
      ? [
          ...choiceSet(
            FAULT_INPUTS.desk,
            f.desk,
            d.desks.map((x) => [x.id, x.name]),
            { value: d.deskId },
          ),
          actionSet([
            execute(
              f.changeDesk,
              VERBS.faultChangeDesk,
              { clientKey: d.clientKey },
              { associatedInputs: 'auto' },
            ),
          ]),
        ]
      : [text(`${f.desk}: **${plainTextForCard(d.desks[0]?.name ?? '')}**`)];

  return card(
    [
      heading(f.title),
      text(f.intro, { isSubtle: true, size: 'small', spacing: 'none' }),
      ...(hasErrors ? [text(f.fixErrors, { color: 'attention', weight: 'bolder', id: 'formError' })] : []),
      ...deskRow,
      ...choiceSet(
        FAULT_INPUTS.service,
        f.service,
        d.services.map((x) => [x.id, x.name]),
        { style: 'filtered', placeholder: f.servicePlaceholder },
      ),
      ...choiceSet(
        FAULT_INPUTS.org,
        f.org,
        d.orgs.map((x) => [x.id, x.name]),
      ),
      ...textInput(FAULT_INPUTS.title, f.titleLabel, f.titlePlaceholder, {
        required: true,
        maxLength: FAULT_LIMITS.title,
      }),
      ...textInput(FAULT_INPUTS.symptom, f.symptom, f.symptomPlaceholder, {
        required: true,
        maxLength: FAULT_LIMITS.symptom,
        multiline: true,
      }),
      ...textInput(FAULT_INPUTS.triedSoFar, f.triedSoFar, f.triedSoFarPlaceholder, {
        required: true,
        maxLength: FAULT_LIMITS.triedSoFar,
        multiline: true,
      }),
      ...choiceSet(
        FAULT_INPUTS.scope,
        f.scope,
        SCOPES.map((x) => [x, s.scope[x]]),
      ),
      ...choiceSet(
        FAULT_INPUTS.availability,
        f.availability,
        AVAILABILITIES.map((x) => [x, s.availability[x]]),
        { style: 'expanded' },
      ),
      {
        type: 'Input.ChoiceSet',
        id: FAULT_INPUTS.faultType,
        label: f.faultType,
        choices: choices([
          ...FAULT_TYPES.map((x): [string, string] => [x, s.faultType[x]]),
          [FAULT_TYPE_UNKNOWN, s.faultType.unknown],
        ]),
        value: v(FAULT_INPUTS.faultType) ?? FAULT_TYPE_UNKNOWN,
      },
      ...errorUnder(FAULT_INPUTS.faultType),
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Date',
                id: FAULT_INPUTS.startedDate,
                label: label(f.startedDate, true),
                max: d.today,
                ...(v(FAULT_INPUTS.startedDate) !== undefined ? { value: v(FAULT_INPUTS.startedDate) } : {}),
              },
              ...errorUnder(FAULT_INPUTS.startedDate),
            ],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Time',
                id: FAULT_INPUTS.startedTime,
                label: label(f.startedTime, true),
                ...(v(FAULT_INPUTS.startedTime) !== undefined ? { value: v(FAULT_INPUTS.startedTime) } : {}),
              },
              ...errorUnder(FAULT_INPUTS.startedTime),
            ],
          },
        ],
      },
      ...choiceSet(
        FAULT_INPUTS.reporterRole,
        f.reporterRole,
        REPORTER_ROLES.map((x) => [x, s.reporterRole[x]]),
      ),
      ...textInput(FAULT_INPUTS.testContact, f.testContact, f.testContactPlaceholder, {
        required: false,
        maxLength: FAULT_LIMITS.testContact,
      }),
      ...textInput(FAULT_INPUTS.followers, f.followers, f.followersPlaceholder, {
        required: false,
        maxLength: FAULT_LIMITS.followers,
      }),
    ],
    [execute(f.submit, VERBS.faultSubmit, { clientKey: d.clientKey }, { style: 'positive' })],
  );
}
