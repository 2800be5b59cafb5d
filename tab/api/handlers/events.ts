/**
 * `GET /api/cases/events`: the tab's live stream (Server-Sent Events). Each stored change of a case the
 * caller may see (the one access rule, `roleOn`) is sent as `event: case` with `{ ref, version,
 * status, updatedAt }`; the page then reloads what it shows. A comment line every 15 s keeps proxies
 * from closing the stream; the stream ends when the client goes away.
 *
 * Source: the change service's in-process feed (`shared/app/case-feed.ts`). On the embedded default
 * (one instance) that is every change, at once. With several App Service instances on Cosmos an
 * instance hears only its own writes; the page therefore also reloads on a slow timer (and when the
 * stream drops), so another instance's change arrives within that interval. The Cosmos change feed
 * was not chosen: the emulator used in the tests does not implement it (it answers everything, then
 * 304), so it could not be tested here.
 */
import { roleOn } from '../../../shared/access';
import type { CaseFeed } from '../../../shared/app/case-feed';
import { authed, type TabContext } from '../context';

export const HEARTBEAT_MS = 15_000;

export function caseEventsHandler(ctx: TabContext, feed: CaseFeed) {
  return authed(ctx, async (req, res, caller) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: 3000\n: ${caller.name ? 'hei' : 'ok'}\n\n`);
    const unsubscribe = feed.subscribe(({ case: c, version }) => {
      if (roleOn(c, caller.access) === null) return;
      const data = JSON.stringify({ ref: c.ref, version, status: c.status, updatedAt: c.updatedAt });
      res.write(`event: case\ndata: ${data}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearInterval(heartbeat);
        unsubscribe();
        resolve();
      };
      req.once('close', done);
      res.once('close', done);
    });
  });
}
