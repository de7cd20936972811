// handlers/uploads/import-csv.ts: the handler of function uploads/import-csv.
// Invoked by route import-csv (routes/uploads.yaml) for each CSV file created under incoming/ in the
// raw-uploads bucket: reads it (BUCKET_RAW_UPLOADS), parses it (first line: column names) and stores
// one item per file in the import-results table (TABLE_IMPORT_RESULTS): status, row count, columns
// and the rows (up to MAX_ROWS_STORED), expiring after RESULT_DAYS. A file that is gone or is not
// valid CSV is recorded as such (retrying would not help); S3 and DynamoDB failures are thrown, so
// that Lambda retries the event.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CsvError, parse } from 'csv-parse/sync';
import type { Handler } from '../../generated/handlers/uploads/import-csv';
import { requiredEnv } from '../lib/env';

const logger = new Logger({ serviceName: 'uploads/import-csv' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'uploads/import-csv' });
const s3 = new S3Client({});
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Rows kept on the result item (a DynamoDB item holds at most 400 KB). */
export const MAX_ROWS_STORED = 500;
/** Days an import result is kept (the table's TTL attribute is expiresAt). */
export const RESULT_DAYS = 30;

export type ImportStatus = 'imported' | 'invalid' | 'missing';

export interface ParsedCsv {
  columns: string[];
  rows: Record<string, string>[];
}

/** S3 puts object keys in events URL-encoded, with `+` for spaces. */
export function objectKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** Parses CSV text whose first line names the columns; throws CsvError when it is not valid CSV. */
export function parseCsv(text: string): ParsedCsv {
  let columns: string[] = [];
  const rows = parse(text, {
    bom: true,
    skip_empty_lines: true,
    trim: true,
    columns: (header: string[]) => {
      columns = header;
      return header;
    },
  }) as Record<string, string>[];
  return { columns, rows };
}

export const handler: Handler = async (event) => {
  const key = objectKey(event.detail.object.key);
  logger.info('file uploaded', { eventId: event.id, detailType: event['detail-type'], key, size: event.detail.object.size });
  const now = new Date(event.time);
  const item: Record<string, unknown> = {
    fileKey: key,
    importedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + RESULT_DAYS * 86_400,
  };

  let status: ImportStatus;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: requiredEnv('BUCKET_RAW_UPLOADS'), Key: key }));
    const text = (await object.Body?.transformToString('utf-8')) ?? '';
    const csv = parseCsv(text);
    status = 'imported';
    Object.assign(item, { columns: csv.columns, rowCount: csv.rows.length, rows: csv.rows.slice(0, MAX_ROWS_STORED), truncated: csv.rows.length > MAX_ROWS_STORED });
  } catch (err) {
    if (err instanceof NoSuchKey) status = 'missing';
    else if (err instanceof CsvError) {
      status = 'invalid';
      item.error = err.message;
    } else throw err;
    logger.warn('file not imported', { key, status, error: err.message });
  }
  item.status = status;

  await db.send(new PutCommand({ TableName: requiredEnv('TABLE_IMPORT_RESULTS'), Item: item }));
  metrics.addMetric(status === 'imported' ? 'FilesImported' : 'FilesRejected', MetricUnit.Count, 1);
  if (typeof item.rowCount === 'number') metrics.addMetric('RowsImported', MetricUnit.Count, item.rowCount);
  metrics.publishStoredMetrics();
};
