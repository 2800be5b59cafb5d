/** "Bytt servicesenter": the form again for the chosen desk, answers kept (the service is reset). */
import { FAULT_INPUTS } from '../../cards/fault-form';
import { chooseDesk, formCard, readValues } from './fault/form';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { clientKeyOf } from './fault-submit';

export async function faultChangeDesk(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const clientKey = clientKeyOf(data);
  if (!clientKey) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const { values } = readValues(data, turn);
  const desk = chooseDesk(turn, values.desk);
  if (!desk) return errorResult(400, 'BadRequest', turn.s.errors.unknownChoice);
  const service = values.service ? turn.catalogue.service(values.service) : undefined;
  const kept = { ...values, [FAULT_INPUTS.desk]: desk.id };
  if (!service || service.deskId !== desk.id) delete kept[FAULT_INPUTS.service];
  if (kept.org && !desk.orgIds.some((o) => o === kept.org)) delete kept[FAULT_INPUTS.org];
  return cardResult(formCard(turn, desk, kept, {}, clientKey));
}
