/**
 * Screenshots in the chat: downloaded from Teams' URLs (here a local file server), checked by size and
 * by their first bytes, stored in blob storage and recorded on the case; each gets a one-line answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deskId, type CaseRef } from '../../shared/ids';
import { messageActivity, type TestUser } from '../test-support/activities';
import { cardOfInvoke, cardText, textOfCall } from '../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import { startHarness, type Harness } from '../test-support/harness';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
const PDF = Buffer.from('%PDF-1.4\n% test\n');
const FILES: Record<string, Buffer> = {
  '/shot.png': PNG,
  '/doc.pdf': PDF,
  '/notes.txt': Buffer.from('just text'),
  '/huge.png': Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)]),
};

const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const ola: TestUser = { aadObjectId: 'aad-ola', name: 'Ola Hansen' };

let h: Harness;
let files: Server;
let base: string;
beforeAll(async () => {
  files = createServer((req, res) => {
    const body = FILES[req.url ?? ''];
    if (!body) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.end(body);
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  h = await startHarness({ env: { FRISTVAKT_ATTACHMENT_MAX_MB: '1' } });
});
afterAll(async () => {
  await h.close();
  await new Promise((r) => files.close(r));
});

const fileInfo = (name: string, path: string) => ({
  contentType: 'application/vnd.microsoft.teams.file.download.info',
  name,
  content: { downloadUrl: `${base}${path}`, uniqueId: name, fileType: name.split('.').pop() },
});

async function send(
  user: TestUser,
  text: string,
  attachments: Array<Record<string, unknown>>,
  replies: number,
): Promise<string[]> {
  h.connector.clear();
  const res = await h.post(messageActivity(user, h.serviceUrl, text, attachments));
  expect(res.status).toBe(200);
  const deadline = Date.now() + 5000;
  while (h.connector.calls.length < replies && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  return h.connector.calls.map(textOfCall);
}

it('stores files and pasted images on the latest open case, and refuses too large or wrong types with a reason', async () => {
  const { clientKey } = await openForm(h, kari);
  const ref = /FV-2026-\d{6}/.exec(
    cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body)),
  )![0] as CaseRef;

  const lines = await send(
    kari,
    '',
    [
      fileInfo('skjermbilde.png', '/shot.png'),
      { contentType: 'image/png', contentUrl: `${base}/shot.png`, name: 'limt-inn.png' },
      { contentType: 'text/html', content: '<div>html copy of the message</div>' },
      fileInfo('feil.pdf', '/doc.pdf'),
      fileInfo('notater.txt', '/notes.txt'),
      fileInfo('stor.png', '/huge.png'),
    ],
    5,
  );
  expect(lines).toEqual([
    `Lagret skjermbilde.png på sak ${ref}.`,
    `Lagret limt-inn.png på sak ${ref}.`,
    `Lagret feil.pdf på sak ${ref}.`,
    'Kan ikke lagre notater.txt: bare bilder (PNG, JPEG, GIF, WebP) og PDF tas imot.',
    'Kan ikke lagre stor.png: filen er større enn 1 MB.',
  ]);
  const c = (await h.app.store.cases.getForDesk(ref, deskId('ror-ikt')))!.value;
  expect(c.attachments.map((a) => [a.fileName, a.contentType, a.sizeBytes])).toEqual([
    ['skjermbilde.png', 'image/png', PNG.length],
    ['limt-inn.png', 'image/png', PNG.length],
    ['feil.pdf', 'application/pdf', PDF.length],
  ]);
  const blob = await h.app.store.blobs.get(c.attachments[0].blobKey);
  expect(Buffer.from(blob!.bytes).equals(PNG)).toBe(true);
  expect(c.events.filter((e) => e.type === 'attachment_added')).toHaveLength(3);
});

it('uses the case named in the message text, and says so when there is no open case', async () => {
  const first = await openForm(h, kari);
  const a = /FV-2026-\d{6}/.exec(
    cardText(
      cardOfInvoke((await submitForm(h, kari, first.clientKey, { ...GOOD_ANSWERS, title: 'Sak A' })).body),
    ),
  )![0] as CaseRef;
  const second = await openForm(h, kari);
  await submitForm(h, kari, second.clientKey, { ...GOOD_ANSWERS, title: 'Sak B' });
  const lines = await send(kari, `Skjermbilde til ${a}`, [fileInfo('a.png', '/shot.png')], 1);
  expect(lines).toEqual([`Lagret a.png på sak ${a}.`]);
  expect(await send(ola, '', [fileInfo('x.png', '/shot.png')], 1)).toEqual([
    'Du har ingen åpen sak å legge vedlegget på. Skriv «meld feil» først.',
  ]);
  // Naming someone else's case does not reveal or touch it.
  expect(await send(ola, `til ${a}`, [fileInfo('x.png', '/shot.png')], 1)).toEqual([
    'Du har ingen åpen sak å legge vedlegget på. Skriv «meld feil» først.',
  ]);
});
