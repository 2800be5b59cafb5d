/**
 * The fault form's submit, and the two answers of the driftsmelding card:
 * - `fault.submit`: validate; if the service has active notices, show them first; else create.
 * - `fault.submitNew`: create without asking again (the form rides in the action's data).
 * - `fault.joinNotice`: create, linked to the chosen notice (and its hovedsak).
 * A bad field re-renders the form with the answers kept and a message at the field.
 */
import { ValidationError } from '../../../shared/errors';
import { noticeId } from '../../../shared/ids';
import type { FaultFormValues } from '../../cards/fault-form';
import { FAULT_INPUTS } from '../../cards/fault-form';
import { noticeChoiceCard } from '../../cards/notice-choice';
import { createFaultCase } from './fault/create';
import { chooseDesk, formCard, readValues, type FieldErrors } from './fault/form';
import { checkForm, inputForDomainField } from './fault/validate';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { reportingRefusal } from './report-fault';

export function clientKeyOf(data: Record<string, unknown>): string | null {
  const k = data.clientKey;
  return typeof k === 'string' && k.length > 0 && k.length <= 200 ? k : null;
}

type Mode = { kind: 'ask' } | { kind: 'new' } | { kind: 'join'; noticeId: string };

async function submit(
  turn: Turn,
  raw: Record<string, unknown>,
  clientKey: string,
  mode: Mode,
): Promise<InvokeResult> {
  const { values, errors } = readValues(raw, turn);
  const desk = chooseDesk(turn, values.desk);
  if (!desk) return errorResult(500, 'NoDesk', turn.s.errors.generic);
  const known: FieldErrors = { ...errors };
  if (values.desk && values.desk !== desk.id) known[FAULT_INPUTS.desk] = turn.s.errors.unknownChoice;
  const check = checkForm(turn, desk, values, clientKey, known);
  if (!check.ok) return cardResult(formCard(turn, desk, values, check.errors, clientKey));
  const refused = reportingRefusal(turn, check.input.orgId);
  if (refused) return cardResult(refused);

  const { store } = turn.deps;
  if (mode.kind === 'ask') {
    const notices = await store.notices.listActive(desk.id, check.service.id);
    if (notices.length > 0)
      return cardResult(
        noticeChoiceCard({
          locale: turn.locale,
          clientKey,
          serviceName: check.service.name,
          values,
          notices: notices.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            text: n.text,
            ...(n.expectedEndAt ? { expectedEndAt: new Date(n.expectedEndAt) } : {}),
          })),
        }),
      );
  }
  let join;
  if (mode.kind === 'join') {
    const notice = await store.notices.get(noticeId(mode.noticeId), desk.id);
    if (!notice || notice.value.status !== 'active' || !notice.value.serviceIds.includes(check.service.id))
      return errorResult(400, 'BadRequest', turn.s.errors.expired);
    join = notice.value;
  }
  try {
    const created = await createFaultCase(turn, check, join);
    return cardResult(created.card);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const field = inputForDomainField(err.field);
    return cardResult(formCard(turn, desk, values, { [field]: turn.s.errors.invalid }, clientKey));
  }
}

export async function faultSubmit(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const clientKey = clientKeyOf(data);
  if (!clientKey) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  return submit(turn, data, clientKey, { kind: 'ask' });
}

function formOf(data: Record<string, unknown>): Record<string, unknown> | null {
  const f = data.form;
  return typeof f === 'object' && f !== null && !Array.isArray(f) ? (f as FaultFormValues) : null;
}

export async function faultSubmitNew(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const clientKey = clientKeyOf(data);
  const form = formOf(data);
  if (!clientKey || !form) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  return submit(turn, form, clientKey, { kind: 'new' });
}

export async function faultJoinNotice(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const clientKey = clientKeyOf(data);
  const form = formOf(data);
  const id = data.noticeId;
  if (!clientKey || !form || typeof id !== 'string' || id.length === 0 || id.length > 200)
    return errorResult(400, 'BadRequest', turn.s.errors.expired);
  return submit(turn, form, clientKey, { kind: 'join', noticeId: id });
}
