// handlers/reports/nightly-summary.test.ts: the day summarised, and the sums over both tables (paged).
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../generated/handlers/reports/nightly-summary';
import { lambdaContext } from '../../generated/runtime/testing';
import { handler, previousDay, summarise } from './nightly-summary';

const db = mockClient(DynamoDBDocumentClient);

describe('previousDay', () => {
  it('is the UTC day before the schedule time', () => {
    expect(previousDay('2026-01-01T02:00:00Z')).toEqual({ day: '2025-12-31', from: '2025-12-31T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' });
  });
});

describe('reports/nightly-summary', () => {
  beforeEach(() => {
    db.reset();
    process.env.TABLE_ORDERS = 'orders-table';
    process.env.TABLE_IMPORT_RESULTS = 'results-table';
    db.on(ScanCommand, { TableName: 'orders-table' })
      .resolvesOnce({ Items: [{ orderId: 'o-1', total: 100.1, currency: 'EUR', fraudVerdict: 'accept' }], LastEvaluatedKey: { orderId: 'o-1' } })
      .resolvesOnce({ Items: [{ orderId: 'o-2', total: 50.2, currency: 'EUR', fraudVerdict: 'review' }, { orderId: 'o-3', total: 10, currency: 'USD' }] });
    db.on(ScanCommand, { TableName: 'results-table' }).resolves({ Items: [{ fileKey: 'incoming/a.csv', status: 'imported', rowCount: 12 }, { fileKey: 'incoming/b.csv', status: 'invalid' }] });
  });
  afterEach(() => {
    delete process.env.TABLE_ORDERS;
    delete process.env.TABLE_IMPORT_RESULTS;
  });

  it('adds up the previous day over every page', async () => {
    await expect(summarise('2026-01-01T02:00:00Z')).resolves.toEqual({
      day: '2025-12-31',
      orders: { count: 3, totals: { EUR: 150.3, USD: 10 }, verdicts: { accept: 1, review: 1, unscored: 1 } },
      imports: { files: 2, rows: 12, statuses: { imported: 1, invalid: 1 } },
    });
    const orderScans = db.commandCalls(ScanCommand, { TableName: 'orders-table' });
    expect(orderScans).toHaveLength(2);
    expect(orderScans[1]!.args[0].input.ExclusiveStartKey).toEqual({ orderId: 'o-1' });
    expect(orderScans[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':from': '2025-12-31T00:00:00.000Z', ':to': '2026-01-01T00:00:00.000Z' });
  });

  it('runs on the schedule event', async () => {
    await expect(handler(sampleEvent(), lambdaContext('reports/nightly-summary'))).resolves.toBeUndefined();
  });
});
