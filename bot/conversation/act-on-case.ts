/**
 * Changing a case on someone's behalf: resolves the actor's role on the case (`roleOn`), applies the
 * command through the domain's lifecycle, and writes the change with the reporter's notifications in
 * one store call (retried on a version conflict). The reporter's own actions (accept/reject) and the
 * desk's actions (issue 5's channel handlers) both go through here; the tests solve a case with it.
 */
import { accessFor, type Directory } from '../../shared/access';
import type { Actor, Case, Person } from '../../shared/cases/model';
import { applyCommand, type CaseCommand } from '../../shared/cases/lifecycle';
import { FristvaktError, NotFoundError } from '../../shared/errors';
import type { CaseRef } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import type { CatalogueSnapshot } from './catalogue';
import { roleOn } from './case-view';
import { updateCase } from './case-update';
import { reporterNotifications } from './notify';
import { conversationNotifications } from './comments/notify';

export interface ActDeps {
  store: Store;
  catalogue: CatalogueSnapshot;
  directory: Directory;
}

/** Applies `command` as `person` (their role on the case decides what is allowed). */
export async function actOnCase(
  deps: ActDeps,
  ref: CaseRef,
  person: Person,
  command: CaseCommand,
  now: Date,
): Promise<Case> {
  const access = accessFor({ id: person.id }, deps.catalogue.desks, deps.directory);
  const deskId = await deps.store.cases.locate(ref);
  const found = deskId ? await deps.store.cases.getVisible(ref, access) : null;
  const role = found ? roleOn(found.value, access) : null;
  if (!deskId || !found || !role) throw new NotFoundError(`case ${ref} not found`);
  const desk = deps.catalogue.desk(deskId);
  if (!desk) throw new FristvaktError('NOT_FOUND', `desk ${deskId} not found`);
  const actor: Actor = { kind: 'user', ...person };
  return updateCase(
    deps.store,
    ref,
    deskId,
    (current) => applyCommand(current, command, { actor, role, now, policy: desk.policy }),
    async (result) => [
      ...(await reporterNotifications(deps.store, result.case, result.events, desk, now)),
      // Issue 8: followers, the desk's thread, the reporter's comments and proposals.
      ...(await conversationNotifications(
        { store: deps.store, catalogue: deps.catalogue, now },
        result.case,
        result.events,
        desk,
      )),
    ],
  );
}

/** Applies `command` as the system (auto-close, cascades). */
export async function actOnCaseAsSystem(
  deps: ActDeps,
  ref: CaseRef,
  command: CaseCommand,
  now: Date,
  name = 'Fristvakt',
): Promise<Case> {
  const deskId = await deps.store.cases.locate(ref);
  const desk = deskId ? deps.catalogue.desk(deskId) : undefined;
  if (!deskId || !desk) throw new NotFoundError(`case ${ref} not found`);
  return updateCase(
    deps.store,
    ref,
    deskId,
    (current) =>
      applyCommand(current, command, {
        actor: { kind: 'system', name },
        role: 'system',
        now,
        policy: desk.policy,
      }),
    async (result) => [
      ...(await reporterNotifications(deps.store, result.case, result.events, desk, now)),
      // Issue 8: the followers hear of it too (e.g. closed without an answer).
      ...(await conversationNotifications(
        { store: deps.store, catalogue: deps.catalogue, now },
        result.case,
        result.events,
        desk,
      )),
    ],
  );
}
