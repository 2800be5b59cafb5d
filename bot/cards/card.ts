/**
 * Small typed builders for Adaptive Card 1.5 JSON, shared by the card files. Each card file turns its
 * typed data into a `CardJson` with these; nothing here knows about a particular card.
 */
import type { Verb } from './verbs';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };
export interface CardElement {
  type: string;
  [k: string]: Json | undefined;
}
export interface CardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  [k: string]: Json | undefined;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function card(
  body: CardElement[],
  actions: CardElement[] = [],
  extra: Record<string, Json> = {},
): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...extra,
  };
}

export interface TextOptions {
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'default' | 'bolder';
  color?: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  separator?: boolean;
  id?: string;
}

export function text(value: string, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export const heading = (value: string): CardElement => text(value, { size: 'medium', weight: 'bolder' });

export function facts(pairs: Array<[string, string]>): CardElement {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

export function execute(
  title: string,
  verb: Verb,
  data: Record<string, Json> = {},
  options: { style?: 'positive' | 'destructive'; associatedInputs?: 'auto' | 'none' } = {},
): CardElement {
  return { type: 'Action.Execute', title, verb, data, ...options };
}

export function container(items: CardElement[], extra: Record<string, Json> = {}): CardElement {
  return { type: 'Container', items, ...extra };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A choice set's options from value → title pairs. */
export const choices = (pairs: Array<[string, string]>): Json[] =>
  pairs.map(([value, title]) => ({ title, value }));

/** Reading a card's submitted inputs: strings trimmed, anything else treated as missing. */
export const inputText = (data: Record<string, unknown>, id: string): string => {
  const v = data[id];
  return typeof v === 'string' ? v.trim() : '';
};
