/**
 * The composition root's choice of attachment store: Azure Blob Storage (here Azurite, with its account
 * key in place of the managed identity) when BLOB_ACCOUNT_URL is set, local disk otherwise.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite, type Azurite } from '../shared/store/test-support/azurite';
import { openAttachmentBlobs } from './app';
import { loadConfig } from './config';

let azurite: Azurite | undefined;
let dataDir: string;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fristvakt-attachments-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);

it('with BLOB_ACCOUNT_URL: attachments go to that account, container BLOB_CONTAINER, not to disk', async () => {
  const { accountUrl, credential } = azurite!;
  // The infra creates the container in production; the app does not.
  const container = new BlobServiceClient(accountUrl, credential).getContainerClient('vedlegg');
  await container.create();
  const config = loadConfig(
    { FRISTVAKT_DATA_DIR: dataDir, BLOB_ACCOUNT_URL: accountUrl, BLOB_CONTAINER: 'vedlegg' },
    '/',
  );
  const blobs = await openAttachmentBlobs(config, credential);
  await blobs.put('cases/FV-2026-000007/skjerm.png', bytes, 'image/png');

  const props = await container.getBlobClient('cases/FV-2026-000007/skjerm.png').getProperties();
  expect(props.contentType).toBe('image/png');
  expect(props.contentLength).toBe(bytes.length);
  expect(existsSync(join(dataDir, 'blobs', 'cases'))).toBe(false);
  expect(await blobs.get('cases/FV-2026-000007/skjerm.png')).toEqual({ bytes, contentType: 'image/png' });
});

it('with BLOB_ACCOUNT_URL but no such container: the store fails STORE_UNAVAILABLE (404)', async () => {
  const { accountUrl, credential } = azurite!;
  const config = loadConfig({ FRISTVAKT_DATA_DIR: dataDir, BLOB_ACCOUNT_URL: accountUrl }, '/');
  expect(config.blobStorage?.container).toBe('attachments');
  const blobs = await openAttachmentBlobs(config, credential);
  await expect(blobs.put('a/b.png', bytes, 'image/png')).rejects.toMatchObject({
    code: 'STORE_UNAVAILABLE',
    details: { statusCode: 404 },
  });
});

it('without BLOB_ACCOUNT_URL: attachments stay on local disk under FRISTVAKT_DATA_DIR/blobs', async () => {
  const blobs = await openAttachmentBlobs(loadConfig({ FRISTVAKT_DATA_DIR: dataDir }, '/'));
  await blobs.put('cases/FV-2026-000007/skjerm.png', bytes, 'image/png');
  const onDisk = readFileSync(join(dataDir, 'blobs', 'cases', 'FV-2026-000007', 'skjerm.png.bin'));
  expect(new Uint8Array(onDisk)).toEqual(bytes);
});
