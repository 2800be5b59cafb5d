/**
 * The admin routes ("Innstillinger"): desks, SLA policies (with a preview), services (with CSV import
 * and export), organisations and the audit log. Every route goes through the admin service
 * (`shared/app/admin.ts`), which answers 403 to anyone who is neither administrator nor, for their own
 * desk, its desk lead; field errors are 400 with `field` and a Norwegian message; a stale `version` is
 * 409 naming who changed what.
 */
import type { Request, Response } from 'restify';
import type { RouteDef } from '../../../../shared/app/http-route';
import { changedFields, createAdminService, type AdminActor } from '../../../../shared/app/admin';
import type { Catalogue } from '../../../../shared/app/catalogue';
import type { AdminObjectType, Versioned } from '../../../../shared/ports';
import type { Desk } from '../../../../shared/desks/model';
import { directoryPeople } from '../../../../shared/people';
import type { Caller } from '../../auth';
import { authed, type TabContext } from '../../context';
import { badRequest, jsonBody, paramOf, queryOf, sendJson } from '../../http';
import type {
  AdminAuditResponse,
  AdminDeskResponse,
  AdminDesksResponse,
  AdminPeopleResponse,
  AdminOrganisationsResponse,
  AdminPolicyResponse,
  AdminServicesResponse,
  AdminVersioned,
} from './types';

const MAX_CSV = 1024 * 1024;
const OBJECT_TYPES: readonly AdminObjectType[] = ['desk', 'policy', 'service', 'organisation', 'supplier'];

const actorOf = (caller: Caller): AdminActor => ({ access: caller.access, name: caller.name });
const versioned = <T>(v: { value: T; version: string }): AdminVersioned<T> => ({
  item: v.value,
  version: v.version,
});

/** The request body as text (a CSV upload): as parsed by a body parser, or read from the stream. */
async function textBody(req: Request): Promise<string> {
  // A body parser (restify's parses text/csv into rows) keeps the original text as `rawBody`.
  const raw: unknown = (req as { rawBody?: unknown }).rawBody;
  if (typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  const body: unknown = (req as { body?: unknown }).body;
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (body && typeof body === 'object' && typeof (body as { csv?: unknown }).csv === 'string')
    return (body as { csv: string }).csv;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CSV) throw badRequest('body', 'Filen er for stor (høyst 1 MB).');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendCsv(res: Response, name: string, text: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** The admin routes; `catalogue` (this process's) is invalidated at once after each change. */
export function adminRoutes(ctx: TabContext, catalogue?: Catalogue): RouteDef[] {
  const svc = createAdminService({
    store: ctx.deps.store,
    now: ctx.deps.now,
    ...(catalogue ? { catalogue } : {}),
    people: ctx.deps.people ?? directoryPeople(ctx.deps.directory),
  });
  const deskAnswer = async (d: Versioned<Desk>): Promise<AdminDeskResponse> => ({
    ...versioned(d),
    members: await svc.membersOf(d.value),
  });
  const route = (
    method: RouteDef['method'],
    path: string,
    name: string,
    fn: (req: Request, res: Response, actor: AdminActor) => Promise<void>,
  ): RouteDef => ({
    method,
    path,
    name: `tab.admin.${name}`,
    handler: authed(ctx, (req, res, caller) => fn(req, res, actorOf(caller))),
  });
  const id = (req: Request) => paramOf(req, 'id');

  return [
    route('get', '/api/admin/desks', 'desks.list', async (_req, res, a) => {
      const body: AdminDesksResponse = { desks: await svc.listDesks(a) };
      sendJson(res, 200, body);
    }),
    route('post', '/api/admin/desks', 'desks.create', async (req, res, a) =>
      sendJson(res, 201, await deskAnswer(await svc.createDesk(a, await jsonBody(req)))),
    ),
    route('get', '/api/admin/desks/:id', 'desks.get', async (req, res, a) =>
      sendJson(res, 200, await deskAnswer(await svc.getDesk(a, id(req)))),
    ),
    route('put', '/api/admin/desks/:id', 'desks.put', async (req, res, a) =>
      sendJson(res, 200, await deskAnswer(await svc.updateDesk(a, id(req), await jsonBody(req)))),
    ),
    route('post', '/api/admin/desks/:id/unlink', 'desks.unlink', async (req, res, a) =>
      sendJson(res, 200, await deskAnswer(await svc.unlinkChannel(a, id(req), await jsonBody(req)))),
    ),
    route('get', '/api/admin/people', 'people.search', async (req, res, a) => {
      const body: AdminPeopleResponse = { people: await svc.searchPeople(a, queryOf(req).get('q') ?? '') };
      sendJson(res, 200, body);
    }),

    route('post', '/api/admin/policies/preview', 'policies.preview', async (req, res, a) =>
      sendJson(res, 200, svc.preview(a, await jsonBody(req))),
    ),
    route('get', '/api/admin/policies/:id', 'policies.get', async (req, res, a) => {
      const p = await svc.getPolicy(a, id(req));
      const body: AdminPolicyResponse = { deskId: id(req), ...p };
      sendJson(res, 200, body);
    }),
    route('put', '/api/admin/policies/:id', 'policies.put', async (req, res, a) => {
      await svc.savePolicy(a, id(req), await jsonBody(req));
      const body: AdminPolicyResponse = { deskId: id(req), ...(await svc.getPolicy(a, id(req))) };
      sendJson(res, 200, body);
    }),

    route('get', '/api/admin/services', 'services.list', async (_req, res, a) => {
      const body: AdminServicesResponse = { services: await svc.listServices(a) };
      sendJson(res, 200, body);
    }),
    route('get', '/api/admin/services.csv', 'services.export', async (_req, res, a) =>
      sendCsv(res, 'tjenester.csv', await svc.exportServices(a)),
    ),
    route('post', '/api/admin/services/import', 'services.import', async (req, res, a) => {
      const dry = queryOf(req).get('dryRun');
      if (dry !== null && dry !== 'true' && dry !== 'false')
        throw badRequest('dryRun', 'dryRun må være true eller false.');
      const report = await svc.importServices(a, await textBody(req), dry === 'true');
      if (report.dryRun || report.errors.length === 0) return sendJson(res, 200, report);
      // Not applied: the coded error, beside every row's error.
      const message = `${report.errors.length} feil i filen. Ingenting er lagret.`;
      sendJson(res, 400, { error: { code: 'VALIDATION', message, field: 'body' }, ...report });
    }),
    route('get', '/api/admin/services/:id', 'services.get', async (req, res, a) =>
      sendJson(res, 200, versioned(await svc.getService(a, id(req)))),
    ),
    route('post', '/api/admin/services', 'services.create', async (req, res, a) =>
      sendJson(res, 201, versioned(await svc.createService(a, await jsonBody(req)))),
    ),
    route('put', '/api/admin/services/:id', 'services.put', async (req, res, a) =>
      sendJson(res, 200, versioned(await svc.updateService(a, id(req), await jsonBody(req)))),
    ),

    route('get', '/api/admin/organisations', 'organisations.list', async (_req, res, a) => {
      const body: AdminOrganisationsResponse = { organisations: await svc.listOrganisations(a) };
      sendJson(res, 200, body);
    }),
    route('get', '/api/admin/organisations/:id', 'organisations.get', async (req, res, a) =>
      sendJson(res, 200, versioned(await svc.getOrganisation(a, id(req)))),
    ),
    route('post', '/api/admin/organisations', 'organisations.create', async (req, res, a) =>
      sendJson(res, 201, versioned(await svc.createOrganisation(a, await jsonBody(req)))),
    ),
    route('put', '/api/admin/organisations/:id', 'organisations.put', async (req, res, a) =>
      sendJson(res, 200, versioned(await svc.updateOrganisation(a, id(req), await jsonBody(req)))),
    ),

    route('get', '/api/admin/audit', 'audit', async (req, res, a) => {
      const q = queryOf(req);
      const type = q.get('type');
      const objectId = q.get('id');
      if ((type === null) !== (objectId === null))
        throw badRequest(type === null ? 'type' : 'id', 'Oppgi både type og id, eller ingen av dem.');
      if (type !== null && !OBJECT_TYPES.includes(type as AdminObjectType))
        throw badRequest('type', `type må være én av: ${OBJECT_TYPES.join(', ')}.`);
      const limitText = q.get('limit');
      const limit = limitText === null ? undefined : Number(limitText);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
        throw badRequest('limit', 'limit må være et positivt heltall.');
      const object =
        type !== null && objectId !== null ? { type: type as AdminObjectType, id: objectId } : undefined;
      const entries = await svc.audit(a, object, limit);
      const body: AdminAuditResponse = {
        entries: entries.map((e) => ({ ...e, fields: changedFields(e.before, e.after) })),
      };
      sendJson(res, 200, body);
    }),
  ];
}
