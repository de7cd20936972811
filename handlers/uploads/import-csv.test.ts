// handlers/uploads/import-csv.test.ts: reading the uploaded object, parsing it, and the result item.
import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleEvent, type HandlerEvent } from '../../generated/handlers/uploads/import-csv';
import { lambdaContext } from '../../generated/runtime/testing';
import { handler, MAX_ROWS_STORED, objectKey, parseCsv } from './import-csv';

const s3 = mockClient(S3Client);
const db = mockClient(DynamoDBDocumentClient);

/** An S3 object body, as the SDK returns it. */
function body(text: string): GetObjectCommandOutput['Body'] {
  return Object.assign(Readable.from([Buffer.from(text)]), {
    transformToString: async () => text,
    transformToByteArray: async () => new Uint8Array(Buffer.from(text)),
    transformToWebStream: (): ReadableStream => {
      throw new Error('not used by the handler');
    },
  });
}

function uploaded(key: `incoming/${string}.csv`): HandlerEvent {
  const event = sampleEvent();
  return { ...event, detail: { ...event.detail, object: { ...event.detail.object, key } } };
}

function storedItem(): Record<string, unknown> {
  const calls = db.commandCalls(PutCommand);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.args[0].input.TableName).toBe('results-table');
  return calls[0]!.args[0].input.Item as Record<string, unknown>;
}

describe('parseCsv and objectKey', () => {
  it('reads columns from the first line', () => {
    expect(parseCsv('sku,price\nA, 1.50\n\nB,2\n')).toEqual({ columns: ['sku', 'price'], rows: [{ sku: 'A', price: '1.50' }, { sku: 'B', price: '2' }] });
  });
  it('decodes keys', () => {
    expect(objectKey('incoming/my+prices%282%29.csv')).toBe('incoming/my prices(2).csv');
  });
});

describe('uploads/import-csv', () => {
  beforeEach(() => {
    s3.reset();
    db.reset();
    db.on(PutCommand).resolves({});
    process.env.BUCKET_RAW_UPLOADS = 'raw-bucket';
    process.env.TABLE_IMPORT_RESULTS = 'results-table';
  });
  afterEach(() => {
    delete process.env.BUCKET_RAW_UPLOADS;
    delete process.env.TABLE_IMPORT_RESULTS;
  });

  it('imports a CSV file', async () => {
    s3.on(GetObjectCommand, { Bucket: 'raw-bucket', Key: 'incoming/2026/prices.csv' }).resolves({ Body: body('sku,price\nBOOK-1,64.75\nBOOK-2,12\n') });
    await handler(uploaded('incoming/2026/prices.csv'), lambdaContext('uploads/import-csv'));
    expect(storedItem()).toMatchObject({ fileKey: 'incoming/2026/prices.csv', status: 'imported', rowCount: 2, columns: ['sku', 'price'], truncated: false, expiresAt: 1767225600 + 30 * 86400 });
  });

  it('keeps at most MAX_ROWS_STORED rows on the item', async () => {
    const lines = Array.from({ length: MAX_ROWS_STORED + 5 }, (_, i) => `s-${i},${i}`);
    s3.on(GetObjectCommand).resolves({ Body: body(`sku,price\n${lines.join('\n')}`) });
    await handler(uploaded('incoming/big.csv'), lambdaContext('uploads/import-csv'));
    const item = storedItem();
    expect(item).toMatchObject({ rowCount: MAX_ROWS_STORED + 5, truncated: true });
    expect(item.rows).toHaveLength(MAX_ROWS_STORED);
  });

  it('records a file that is not valid CSV', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('sku,price\n"unterminated,1\n') });
    await handler(uploaded('incoming/broken.csv'), lambdaContext('uploads/import-csv'));
    expect(storedItem()).toMatchObject({ status: 'invalid' });
  });

  it('records a file that is gone', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    await handler(uploaded('incoming/gone.csv'), lambdaContext('uploads/import-csv'));
    expect(storedItem()).toMatchObject({ status: 'missing', fileKey: 'incoming/gone.csv' });
  });

  it('fails (so that Lambda retries) when S3 fails', async () => {
    s3.on(GetObjectCommand).rejects(new Error('SlowDown'));
    await expect(handler(uploaded('incoming/x.csv'), lambdaContext('uploads/import-csv'))).rejects.toThrow('SlowDown');
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});
