// handlers/fulfilment/reserve-stock.ts: the handler of function fulfilment/reserve-stock.
// Consumes queue fulfilment-inbox in batches of up to 10, fed by route fulfil-paid-orders.
// Created once by `eventroutes compile` as a starting point: it is yours to edit, and compile never
// overwrites it. Its types come from generated/handlers/fulfilment/reserve-stock.ts, which compile keeps up to date.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSRecord } from 'aws-lambda';
import { parseMessage, type Handler } from '../../generated/handlers/fulfilment/reserve-stock';

const logger = new Logger({ serviceName: 'fulfilment/reserve-stock' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'fulfilment/reserve-stock' });
const processor = new BatchProcessor(EventType.SQS);

/** One record. Throwing fails only this record: SQS redelivers it, the rest of the batch is done. */
async function handleRecord(record: SQSRecord): Promise<void> {
  const message = parseMessage(record);
  logger.info('message received', { messageId: record.messageId, eventId: message.id, detailType: message['detail-type'] });
  // TODO: fill in what fulfilment/reserve-stock does with each message.
  // Table orders (readwrite): its name is in process.env.TABLE_ORDERS; use @aws-sdk/lib-dynamodb.
  metrics.addMetric('MessagesHandled', MetricUnit.Count, 1);
}

export const handler: Handler = async (event, context) => {
  const result = await processPartialResponse(event, handleRecord, processor, { context });
  metrics.publishStoredMetrics();
  return result;
};
