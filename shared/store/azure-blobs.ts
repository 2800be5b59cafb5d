/**
 * Blob storage in Azure Blob Storage for production: attachments' bytes, one block blob per key in one
 * container, the content type kept as the blob's Content-Type header. Same keys as the local-disk store
 * (`blob-keys.ts`); a missing blob reads as null, any other failure is `STORE_UNAVAILABLE`.
 */
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, RestError, type StorageSharedKeyCredential } from '@azure/storage-blob';
import { FristvaktError } from '../errors';
import type { BlobStore } from '../ports';
import { blobKeySegments } from './blob-keys';

export interface AzureBlobStoreOptions {
  /** The account's blob endpoint, e.g. `https://fristvaktprod.blob.core.windows.net`. */
  accountUrl: string;
  container: string;
  /** A managed identity / `DefaultAzureCredential` in production; the account key for the emulator. */
  credential: TokenCredential | StorageSharedKeyCredential;
  /** Creates the container when it does not exist (the infra creates it in production). */
  createContainerIfMissing?: boolean;
}

function unavailable(what: string, err: unknown): FristvaktError {
  const statusCode = err instanceof RestError ? err.statusCode : undefined;
  const code = err instanceof RestError ? err.code : undefined;
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new FristvaktError('STORE_UNAVAILABLE', `blob storage: ${what} failed: ${reason}`, {
    cause: err,
    statusCode,
    ...(code === undefined ? {} : { storageCode: code }),
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

export async function openAzureBlobStore(options: AzureBlobStoreOptions): Promise<BlobStore> {
  const container = new BlobServiceClient(options.accountUrl, options.credential).getContainerClient(
    options.container,
  );
  if (options.createContainerIfMissing === true) {
    try {
      await container.createIfNotExists();
    } catch (err) {
      throw unavailable(`creating container ${options.container}`, err);
    }
  }
  const blob = (key: string) => container.getBlockBlobClient(blobKeySegments(key).join('/'));

  return {
    async put(key, bytes, contentType) {
      const client = blob(key);
      try {
        await client.uploadData(bytes, { blobHTTPHeaders: { blobContentType: contentType } });
      } catch (err) {
        throw unavailable(`writing ${key}`, err);
      }
    },
    async get(key) {
      const client = blob(key);
      try {
        const res = await client.download();
        if (res.readableStreamBody === undefined) throw new Error('the download has no body');
        const bytes = await readAll(res.readableStreamBody);
        return { bytes, contentType: res.contentType ?? 'application/octet-stream' };
      } catch (err) {
        // Only the blob missing is "not there"; a missing container is a misconfiguration.
        if (err instanceof RestError && err.statusCode === 404 && err.code === 'BlobNotFound') return null;
        throw unavailable(`reading ${key}`, err);
      }
    },
  };
}
