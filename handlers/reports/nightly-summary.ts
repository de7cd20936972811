// handlers/reports/nightly-summary.ts: the handler of function reports/nightly-summary.
// Invoked by route nightly-report (routes/operations.yaml) every night at 02:00 UTC: summarises the
// previous UTC day's orders (orders table, TABLE_ORDERS: count, totals per currency, fraud verdicts)
// and file imports (import-results table, TABLE_IMPORT_RESULTS: files per status, rows), and reports
// the summary as a log line and as metrics. It only reads.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { Handler } from '../../generated/handlers/reports/nightly-summary';
import { requiredEnv } from '../lib/env';

const logger = new Logger({ serviceName: 'reports/nightly-summary' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'reports/nightly-summary' });
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export interface DailySummary {
  /** The UTC day summarised, e.g. "2025-12-31". */
  day: string;
  orders: { count: number; totals: Record<string, number>; verdicts: Record<string, number> };
  imports: { files: number; rows: number; statuses: Record<string, number> };
}

/** The UTC day before `time`, as [start, end) ISO strings and its date. */
export function previousDay(time: string): { day: string; from: string; to: string } {
  const end = new Date(time);
  end.setUTCHours(0, 0, 0, 0);
  const start = new Date(end.getTime() - 86_400_000);
  return { day: start.toISOString().slice(0, 10), from: start.toISOString(), to: end.toISOString() };
}

async function* itemsBetween(table: string, attribute: string, from: string, to: string): AsyncGenerator<Record<string, unknown>> {
  const pages = paginateScan(
    { client: db },
    {
      TableName: table,
      FilterExpression: '#at >= :from AND #at < :to',
      ExpressionAttributeNames: { '#at': attribute },
      ExpressionAttributeValues: { ':from': from, ':to': to },
    },
  );
  for await (const page of pages) yield* page.Items ?? [];
}

function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Reads both tables and adds up the day. */
export async function summarise(time: string): Promise<DailySummary> {
  const { day, from, to } = previousDay(time);
  const summary: DailySummary = { day, orders: { count: 0, totals: {}, verdicts: {} }, imports: { files: 0, rows: 0, statuses: {} } };
  for await (const order of itemsBetween(requiredEnv('TABLE_ORDERS'), 'placedAt', from, to)) {
    summary.orders.count++;
    if (typeof order.total === 'number' && typeof order.currency === 'string') increment(summary.orders.totals, order.currency, order.total);
    increment(summary.orders.verdicts, typeof order.fraudVerdict === 'string' ? order.fraudVerdict : 'unscored');
  }
  for await (const file of itemsBetween(requiredEnv('TABLE_IMPORT_RESULTS'), 'importedAt', from, to)) {
    summary.imports.files++;
    if (typeof file.rowCount === 'number') summary.imports.rows += file.rowCount;
    increment(summary.imports.statuses, typeof file.status === 'string' ? file.status : 'unknown');
  }
  for (const currency of Object.keys(summary.orders.totals)) summary.orders.totals[currency] = Math.round(summary.orders.totals[currency]! * 100) / 100;
  return summary;
}

export const handler: Handler = async (event) => {
  logger.info('nightly summary started', { eventId: event.id, detailType: event['detail-type'], time: event.time });
  const summary = await summarise(event.time);
  logger.info('nightly summary', { summary });
  metrics.addDimension('day', summary.day);
  metrics.addMetric('OrdersPlaced', MetricUnit.Count, summary.orders.count);
  metrics.addMetric('OrdersFlagged', MetricUnit.Count, (summary.orders.verdicts.review ?? 0) + (summary.orders.verdicts.reject ?? 0));
  metrics.addMetric('FilesImported', MetricUnit.Count, summary.imports.statuses.imported ?? 0);
  metrics.addMetric('RowsImported', MetricUnit.Count, summary.imports.rows);
  metrics.publishStoredMetrics();
};
