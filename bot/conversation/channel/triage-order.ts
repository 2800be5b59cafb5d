/**
 * The desk's order actions on a triage card: "Send estimat" (hours and a text, for an order whose
 * service needs approval; the orderer gets the approval card) and "Gjør om til bestilling /
 * feilmelding" (the catalogue's terms of the case's service are copied when it becomes an order; its
 * checklist is taken from the fault's answers). Both go through the one desk action.
 */
import { orderTermsFromFault } from '../../../shared/cases/order-input';
import { estimateHours } from '../../../shared/cases/orders';
import { inputText } from '../../cards/card';
import { ORDER_TRIAGE_INPUTS } from '../../cards/channel/order-parts';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction, type Built } from './desk-action';

export const triageEstimate = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: (): Built => {
      const e = turn.s.order.estimate;
      let hours: number;
      try {
        hours = estimateHours(inputText(data, ORDER_TRIAGE_INPUTS.hours));
      } catch {
        return { invalid: e.badHours };
      }
      const text = inputText(data, ORDER_TRIAGE_INPUTS.text);
      if (text === '') return { invalid: e.textRequired };
      return { command: { type: 'send_estimate', hours, text } };
    },
  });

export const triageConvert = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: (c): Built => {
      if (data.to === 'order')
        return {
          command: {
            type: 'change_kind',
            to: 'order',
            order: orderTermsFromFault(c, turn.catalogue.service(c.serviceId)),
          },
        };
      if (data.to === 'fault') return { command: { type: 'change_kind', to: 'fault' } };
      return { invalid: turn.s.channel.errors.generic };
    },
  });
