/**
 * A stand-in Teams host for the browser tests: a page on the same origin as the tab (teams-js trusts its
 * own origin) that frames a page of the tab and answers the teams-js messages it needs, recording each
 * call's name and arguments in `window.calls`. It plays the host's side of the protocol only; the page
 * and teams-js under test are the real ones. Serve it with Playwright's `route` at any address.
 */
export interface TeamsHostOptions {
  /** The framed page, e.g. `/tab/` or `/tab/config.html`. */
  src: string;
  width: number;
  height: number;
  /** The frame's context: `content` (a tab) or `settings` (a channel tab's configuration). */
  frameContext: 'content' | 'settings';
  /** What `app.getContext()` answers (the host's locale, theme, ids …). */
  context: Record<string, unknown>;
  /** The SSO token `authentication.getAuthToken()` answers. */
  token: string;
  /** More answers: `{ 'settings.getSettings': [value] }` answers that call with those arguments. */
  answers?: Record<string, unknown[]>;
  /** More script for the host page (e.g. a function the test calls to send the frame a message). */
  script?: string;
}

export const teamsHostPage = (o: TeamsHostOptions): string => `<!doctype html><html><body style="margin:0">
<iframe id="tab" src="${o.src}" style="width:${o.width}px;height:${o.height}px;border:0"></iframe>
<script>
  window.calls = [];
  const frame = document.getElementById('tab');
  const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { pages: { config: {}, tabs: {} }, teams: {} } };
  const context = ${JSON.stringify({ ...o.context, frameContext: o.frameContext })};
  const answers = ${JSON.stringify({
    'authentication.getAuthToken': [true, o.token],
    ...o.answers,
  })};
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (e.source !== frame.contentWindow || !m || typeof m.func !== 'string') return;
    window.calls.push({ func: m.func, args: m.args });
    const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
    if (m.func === 'initialize') reply([${JSON.stringify(o.frameContext)}, 'web', JSON.stringify(runtime), '2.58.0']);
    else if (m.func === 'getContext') reply([context]);
    else if (m.func in answers) reply(answers[m.func]);
  });
  ${o.script ?? ''}
</script></body></html>`;
