/** Loads the embedded default's seed (desks with presets, services, organisations) into an empty store. */
import type { Store } from '../../shared/ports';
import { DESKS } from './desks';
import { ORGANISATIONS } from './organisations';
import { SERVICES } from './services';

/**
 * Seeds a store that was created just now (`store.createdNow`) and has no desk yet; returns whether it
 * did. A store that existed before is never seeded, even when it looks empty: a lost database must be
 * restored, not quietly replaced by a new one handing out the same reference numbers again.
 */
export async function seedIfEmpty(store: Store): Promise<boolean> {
  if (!store.createdNow) return false;
  const existing = await store.desks.list();
  if (existing.length > 0) return false;
  for (const org of ORGANISATIONS) await store.desks.putOrganisation(org);
  for (const desk of DESKS) await store.desks.put(desk);
  for (const service of SERVICES) await store.desks.putService(service);
  return true;
}

export { DESKS, ORGANISATIONS, SERVICES };
export { DEMO_DIRECTORY, PLAYGROUND_USER_ID } from './directory';
