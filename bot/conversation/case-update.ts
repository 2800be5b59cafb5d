/**
 * Changing a stored case: read, apply, write conditionally on the version read, retry on a conflict
 * (someone else changed it in between). The change and its outbox messages are written together.
 */
import type { Case } from '../../shared/cases/model';
import type { CommandResult } from '../../shared/cases/lifecycle';
import { isFristvaktError, NotFoundError } from '../../shared/errors';
import type { CaseRef, DeskId } from '../../shared/ids';
import type { OutboxMessage, Store } from '../../shared/ports';

const ATTEMPTS = 5;

export async function updateCase(
  store: Store,
  ref: CaseRef,
  deskId: DeskId,
  change: (current: Case) => CommandResult,
  outbox: (result: CommandResult) => Promise<OutboxMessage[]> | OutboxMessage[] = () => [],
): Promise<Case> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.cases.getForDesk(ref, deskId);
    if (!current) throw new NotFoundError(`case ${ref} not found`);
    const result = change(current.value);
    try {
      const stored = await store.cases.update(result.case, current.version, await outbox(result));
      return stored.value;
    } catch (err) {
      if (!isFristvaktError(err, 'CONFLICT') || attempt >= ATTEMPTS) throw err;
    }
  }
}
