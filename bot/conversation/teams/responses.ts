/**
 * The bodies Teams expects back from its invokes (answered in the HTTP body, status 200): a dialog
 * that shows a card or a message, or closes; a message extension's result list or message. A failure
 * is answered in the shape the surface can show (a message in the dialog or under the compose box);
 * its code of the one catalogue (`shared/errors.ts`) goes to the log.
 */
import { ADAPTIVE_CARD_CONTENT_TYPE, type CardJson } from '../../cards/card';

/** What an invoke handler answers: the HTTP status and body of the invoke response. */
export interface InvokeReply {
  status: number;
  body?: unknown;
}

export const adaptiveAttachment = (card: CardJson): { contentType: string; content: CardJson } => ({
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: card,
});

/** The dialog shows `card` (opens, or stays open with it). */
export const dialogCard = (title: string, card: CardJson): InvokeReply => ({
  status: 200,
  body: {
    task: {
      type: 'continue',
      value: { title, width: 'large', height: 'large', card: adaptiveAttachment(card) },
    },
  },
});

/** The dialog shows a short message (Teams renders it in a small dialog). */
export const dialogMessage = (text: string): InvokeReply => ({
  status: 200,
  body: { task: { type: 'message', value: text } },
});

/** The dialog closes: an empty invoke response. */
export const dialogClose = (): InvokeReply => ({ status: 200 });

/** One item of a message extension result: the card inserted and its line in the list. */
export interface ResultItem {
  card: CardJson;
  preview: { title: string; text: string };
}

/** A message extension's result list (search results, an unfurled link); empty shows nothing. */
export const extensionResult = (items: readonly ResultItem[]): InvokeReply => ({
  status: 200,
  body: {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: items.map((i) => ({
        ...adaptiveAttachment(i.card),
        preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: i.preview },
      })),
    },
  },
});

/** A message extension's message under the compose box. */
export const extensionMessage = (text: string): InvokeReply => ({
  status: 200,
  body: { composeExtension: { type: 'message', text } },
});
