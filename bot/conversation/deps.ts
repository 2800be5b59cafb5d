/** What the conversation handlers get from the composition root. */
import type { Directory } from '../../shared/access';
import type { Case } from '../../shared/cases/model';
import type { OutboxMessage, Store } from '../../shared/ports';
import type { Logger } from '../server/logger';
import type { Catalogue } from './catalogue';

/** Fetches an attachment's bytes (Teams file download URL or inline image URL). */
export type Downloader = (
  url: string,
  options: { maxBytes: number; bearer?: string },
) => Promise<{ bytes: Uint8Array; contentType?: string }>;

export interface ConversationDeps {
  store: Store;
  catalogue: Catalogue;
  directory: Directory;
  clock: () => Date;
  log: Logger;
  attachments: {
    maxBytes: number;
    download: Downloader;
    /** Send the bot's own token when downloading Teams-hosted inline images (when authentication is on). */
    useBotToken: boolean;
  };
  /** Called after a turn that may have written outbox messages: wakes the outbox sender. */
  onOutboxWritten?: () => void;
  /** Outbox messages to write with a new case (issue 5: the triage post). */
  caseCreatedOutbox?: (c: Case) => OutboxMessage[];
}
