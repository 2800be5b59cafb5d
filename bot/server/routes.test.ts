/** The route table as mounted by the composition root: the tab's API and its static files. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../test-support/harness';

let h: Harness;
let tabDir: string;
beforeAll(async () => {
  tabDir = mkdtempSync(join(tmpdir(), 'fristvakt-tabdist-'));
  mkdirSync(join(tabDir, 'assets'));
  writeFileSync(join(tabDir, 'index.html'), '<!doctype html><title>Fristvakt</title>');
  writeFileSync(join(tabDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tabDir, '..', 'secret-outside.txt'), 'no');
  h = await startHarness({ app: { tabDir } });
});
afterAll(async () => {
  await h.close();
  rmSync(tabDir, { recursive: true, force: true });
  rmSync(join(tabDir, '..', 'secret-outside.txt'), { force: true });
});

it('mounts the tab API: open routes answer, signed routes need a token (coded 401)', async () => {
  const users = await fetch(`${h.app.url}/api/dev/users`);
  expect(users.status).toBe(200);
  const cases = await fetch(`${h.app.url}/api/cases`);
  expect(cases.status).toBe(401);
  expect(cases.headers.get('content-type')).toContain('application/json');
});

it('serves the tab’s files under /tab/, the page for client routes, and nothing outside its folder', async () => {
  const index = await fetch(`${h.app.url}/tab/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await index.text()).toContain('<title>Fristvakt</title>');
  const js = await fetch(`${h.app.url}/tab/assets/app.js`);
  expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect((await fetch(`${h.app.url}/tab/saker`)).status).toBe(200);
  expect((await fetch(`${h.app.url}/tab/assets/missing.js`)).status).toBe(404);
  for (const path of ['/tab/..%2fsecret-outside.txt', '/tab/%2e%2e/secret-outside.txt']) {
    const res = await fetch(`${h.app.url}${path}`);
    expect(await res.text()).not.toBe('no');
  }
});
