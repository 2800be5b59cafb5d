/** What the conversation handlers get from the composition root. */
import type { Directory } from '../../shared/access';
import type { CaseChanges } from '../../shared/app/case-changes';
import type { Wakeup } from '../../shared/app/wakeup';
import type { FellesfeilWatch } from '../jobs/fellesfeil';
import type { Store } from '../../shared/ports';
import type { Logger } from '../server/logger';
import type { Catalogue } from '../../shared/app/catalogue';
import type { TabLinks } from './channel/tab-links';

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
  /** The one way a case changes (access, lifecycle, messages, the store write). */
  changes: CaseChanges;
  /** Wakes the outbox sender after a write (the change service does so itself). */
  wakeup: Wakeup;
  /** The fellesfeil watch, where this process runs it: the desk's answers to its proposals go here. */
  fellesfeil?: Pick<FellesfeilWatch, 'decide'>;
  /** Where the tab is, for links to a case from a card. */
  links?: TabLinks;
}
