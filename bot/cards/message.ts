/** A short message as a card: errors answered to a card action, "not found", receipts. */
import { card, text, type CardJson } from './card';

export interface MessageCardData {
  title?: string;
  text: string;
  tone?: 'default' | 'good' | 'attention' | 'warning';
}

export function messageCard(data: MessageCardData): CardJson {
  const color = data.tone && data.tone !== 'default' ? data.tone : undefined;
  return card([
    ...(data.title
      ? [text(data.title, { weight: 'bolder', size: 'medium', ...(color ? { color } : {}) })]
      : []),
    text(data.text),
  ]);
}
