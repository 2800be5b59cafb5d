/**
 * The Azure Blob adapter, for real: the `@azure/storage-blob` SDK against Azurite (the official Azure
 * Storage emulator) started by this test on 127.0.0.1, a random port and a temp dir.
 */
import { randomBytes } from 'node:crypto';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { checkBlobStore } from './test-support/contract';
import { openAzureBlobStore } from './azure-blobs';
import { AZURITE_ACCOUNT, startAzurite, type Azurite } from './test-support/azurite';

let azurite: Azurite | undefined;
let accountUrl: string;
let credential: StorageSharedKeyCredential;
let containerCounter = 0;
const nextContainer = () => `fristvakt-test-${++containerCounter}`;

beforeAll(async () => {
  azurite = await startAzurite();
  ({ accountUrl, credential } = azurite);
});
afterAll(async () => {
  await azurite?.stop();
});

describe('Azure Blob store (@azure/storage-blob against Azurite)', () => {
  it('passes the store contract for blobs: round trip, content type, missing → null, bad keys refused', async () => {
    const blobs = await openAzureBlobStore({
      accountUrl,
      container: nextContainer(),
      credential,
      createContainerIfMissing: true,
    });
    await checkBlobStore(blobs);
  });

  it('stores one blob per key, named as the key, with the content type as its HTTP header', async () => {
    const container = nextContainer();
    const blobs = await openAzureBlobStore({
      accountUrl,
      container,
      credential,
      createContainerIfMissing: true,
    });
    const big = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
    await blobs.put('cases/FV-2026-000042/logg.bin', big, 'application/octet-stream');
    await blobs.put('cases/FV-2026-000042/notat.txt', new TextEncoder().encode('første'), 'text/plain');
    // Overwrite: new bytes and a new content type replace the old ones.
    await blobs.put('cases/FV-2026-000042/notat.txt', new TextEncoder().encode('andre'), 'text/markdown');

    const read = await blobs.get('cases/FV-2026-000042/logg.bin');
    expect(read?.contentType).toBe('application/octet-stream');
    expect(Buffer.from(read!.bytes).equals(Buffer.from(big))).toBe(true);
    const note = await blobs.get('cases/FV-2026-000042/notat.txt');
    expect(note?.contentType).toBe('text/markdown');
    expect(new TextDecoder().decode(note!.bytes)).toBe('andre');

    // Seen from the SDK directly: exactly these blob names, the header set on the blob itself.
    const direct = new BlobServiceClient(accountUrl, credential).getContainerClient(container);
    const names: string[] = [];
    for await (const b of direct.listBlobsFlat()) names.push(b.name);
    expect(names.sort()).toEqual(['cases/FV-2026-000042/logg.bin', 'cases/FV-2026-000042/notat.txt']);
    const props = await direct.getBlobClient('cases/FV-2026-000042/notat.txt').getProperties();
    expect(props.contentType).toBe('text/markdown');
  });

  it('leaves an existing container and its blobs alone when opened again', async () => {
    const container = nextContainer();
    const first = await openAzureBlobStore({
      accountUrl,
      container,
      credential,
      createContainerIfMissing: true,
    });
    await first.put('a/b.txt', new Uint8Array([1, 2, 3]), 'text/plain');
    const again = await openAzureBlobStore({
      accountUrl,
      container,
      credential,
      createContainerIfMissing: true,
    });
    expect(await again.get('a/b.txt')).toEqual({
      bytes: new Uint8Array([1, 2, 3]),
      contentType: 'text/plain',
    });
  });

  it('reports a missing container as STORE_UNAVAILABLE with the status code, not as a missing blob', async () => {
    const blobs = await openAzureBlobStore({ accountUrl, container: nextContainer(), credential });
    await expect(blobs.get('a/b.txt')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      details: { statusCode: 404, storageCode: 'ContainerNotFound' },
    });
    await expect(blobs.put('a/b.txt', new Uint8Array([1]), 'text/plain')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      details: { statusCode: 404 },
    });
  });

  it('reports a refused credential as STORE_UNAVAILABLE (403), also when creating the container', async () => {
    const wrong = new StorageSharedKeyCredential(
      AZURITE_ACCOUNT,
      Buffer.from('not the key').toString('base64'),
    );
    await expect(
      openAzureBlobStore({
        accountUrl,
        container: nextContainer(),
        credential: wrong,
        createContainerIfMissing: true,
      }),
    ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', details: { statusCode: 403 } });

    const container = nextContainer();
    await openAzureBlobStore({ accountUrl, container, credential, createContainerIfMissing: true });
    const blobs = await openAzureBlobStore({ accountUrl, container, credential: wrong });
    const err: unknown = await blobs.get('a/b.txt').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { statusCode: 403 } });
    expect((err as { details: { cause: unknown } }).details.cause).toBeInstanceOf(Error);
  });
});
