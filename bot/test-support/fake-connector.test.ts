import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import type { ServiceClient } from '@azure/core-client';
import { startFakeConnector, type FakeConnector } from './fake-connector';

describe('fake Bot Connector', () => {
  let fake: FakeConnector;
  beforeEach(async () => {
    fake = await startFakeConnector({
      members: [{ id: '29:u1', name: 'Kari Nordmann', aadObjectId: 'aad-1' }],
    });
  });
  afterEach(() => fake.close());

  // The real SDK client, without an app id (no auth), as the CloudAdapter uses locally.
  const client = () => {
    const c = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: fake.url });
    // The SDK's own retry policy would hide the fault statuses from these assertions.
    (c as unknown as { client: ServiceClient }).client.pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    return c;
  };

  it('records create, send, reply, update, delete and members through the real ConnectorClient', async () => {
    const c = client();
    const created = await c.conversations.createConversation({
      isGroup: true,
      bot: { id: 'bot', name: 'Fristvakt' },
      members: [],
      channelData: { channel: { id: '19:triage@thread.tacv2' } },
      activity: { type: 'message', text: 'Ny sak' },
    } as never);
    expect(created.id).toBe(`19:triage@thread.tacv2;messageid=${created.activityId}`);

    // A thread id with `;` `:` `@` must survive the URL round trip.
    const sent = await c.conversations.sendToConversation(created.id, { type: 'message', text: 'Svar' });
    const replied = await c.conversations.replyToActivity(created.id, created.activityId!, {
      type: 'message',
      text: 'I tråden',
    });
    await c.conversations.updateActivity(created.id, created.activityId!, {
      type: 'message',
      text: 'Oppdatert',
      id: created.activityId,
    });
    await c.conversations.deleteActivity(created.id, replied.id);
    const members = await c.conversations.getConversationMembers(created.id);
    const member = await c.conversations.getConversationMember(created.id, 'aad-1');

    expect(sent.id).toBeTruthy();
    expect(members.map((m) => m.name)).toEqual(['Kari Nordmann']);
    expect(member.id).toBe('29:u1');
    expect(fake.calls.map((x) => [x.kind, x.method, x.status, x.conversationId, x.activityId])).toEqual([
      ['create', 'POST', 201, undefined, undefined],
      ['send', 'POST', 201, created.id, undefined],
      ['reply', 'POST', 201, created.id, created.activityId],
      ['update', 'PUT', 200, created.id, created.activityId],
      ['delete', 'DELETE', 200, created.id, replied.id],
      ['members', 'GET', 200, created.id, undefined],
      ['member', 'GET', 200, created.id, undefined],
    ]);
    expect((fake.calls[3]!.body as { text: string }).text).toBe('Oppdatert');
    expect(fake.calls[0]!.path).toBe('/v3/conversations');
    expect(fake.calls[1]!.path).toContain(encodeURIComponent(created.id));
  });

  it('answers an unknown member with 404 and an unknown route with 404', async () => {
    const res = await fetch(`${fake.url}v3/conversations/x/members/nobody`);
    const other = await fetch(`${fake.url}v3/nothing`, { method: 'POST', body: '{}' });
    expect([res.status, other.status]).toEqual([404, 404]);
    expect(fake.calls.map((c) => c.kind)).toEqual(['member', 'unknown']);
  });

  it('injects 429 with Retry-After and 500 from a seeded die, repeatably', async () => {
    const statuses = async (seed: number) => {
      fake.setFaults({ rate429: 0.2, rate500: 0.2, retryAfterSeconds: 3, seed });
      fake.clear();
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await fetch(`${fake.url}v3/conversations/c1/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: String(i) }),
        });
        if (r.status === 429) expect(r.headers.get('retry-after')).toBe('3');
        out.push(r.status);
      }
      return out;
    };
    const a = await statuses(7);
    const b = await statuses(7);
    const c = await statuses(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(a.filter((s) => s === 500).length).toBeGreaterThan(0);
    expect(a.filter((s) => s === 201).length).toBeGreaterThan(10);
    expect(fake.calls.map((x) => x.status)).toEqual(c);
  });

  it('waitFor resolves on a later call and rejects after its timeout', async () => {
    const later = fake.waitFor(
      (c) => c.kind === 'send' && (c.body as { text?: string }).text === 'hei',
      2000,
    );
    await client().conversations.sendToConversation('c9', { type: 'message', text: 'hei' });
    await expect(later).resolves.toMatchObject({ conversationId: 'c9', status: 201 });
    await expect(fake.waitFor((c) => c.kind === 'delete', 50)).rejects.toThrow(/no matching call/);
  });

  it('answers with a forced status for matching calls, before the dice', async () => {
    fake.setFaults({ override: (c) => (c.conversationId === 'a:removed' ? 403 : undefined) });
    const a = await fetch(`${fake.url}v3/conversations/a%3Aremoved/activities`, {
      method: 'POST',
      body: '{}',
    });
    const b = await fetch(`${fake.url}v3/conversations/a%3Aok/activities`, { method: 'POST', body: '{}' });
    expect([a.status, b.status]).toEqual([403, 201]);
    expect(fake.calls.map((c) => [c.conversationId, c.status])).toEqual([
      ['a:removed', 403],
      ['a:ok', 201],
    ]);
  });
});
