/** Reading cards out of recorded connector calls and invoke responses, for conversation tests. */
import type { RecordedCall } from './fake-connector';

export interface AnyCard {
  type: string;
  version?: string;
  body: Array<Record<string, unknown>>;
  actions?: Array<Record<string, unknown>>;
}

/** The Adaptive Card of a recorded outgoing message (its first attachment). */
export function cardOfCall(call: RecordedCall): AnyCard {
  const body = call.body as { attachments?: Array<{ contentType: string; content: AnyCard }> };
  const a = body.attachments?.[0];
  if (!a || a.contentType !== 'application/vnd.microsoft.card.adaptive')
    throw new Error('no adaptive card in call');
  return a.content;
}

export const textOfCall = (call: RecordedCall): string => String((call.body as { text?: string }).text ?? '');

/** The card of an `adaptiveCard/action` invoke response body. */
export function cardOfInvoke(body: unknown): AnyCard {
  const b = body as { statusCode: number; type: string; value: AnyCard };
  if (b.statusCode !== 200 || b.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`invoke answered ${JSON.stringify(body).slice(0, 300)}`);
  return b.value;
}

/** Every element of a card, depth first (containers, columns, action sets). */
export function elements(card: AnyCard): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    for (const k of ['body', 'items', 'columns', 'actions', 'selectAction']) if (k in o) walk(o[k]);
  };
  walk(card.body);
  walk(card.actions ?? []);
  return out;
}

export const cardText = (card: AnyCard): string =>
  elements(card)
    .map((e) => [e.text, e.title, e.label, e.value].filter((v) => typeof v === 'string').join(' '))
    .join('\n') +
  '\n' +
  elements(card)
    .filter((e) => e.type === 'FactSet')
    .flatMap((e) => (e.facts as Array<{ title: string; value: string }>).map((f) => `${f.title}: ${f.value}`))
    .join('\n');

export const inputById = (card: AnyCard, id: string): Record<string, unknown> | undefined =>
  elements(card).find((e) => e.id === id && String(e.type).startsWith('Input.'));

export const actionByVerb = (card: AnyCard, verb: string): Record<string, unknown> | undefined =>
  elements(card).find((e) => e.type === 'Action.Execute' && e.verb === verb);
