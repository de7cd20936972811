// handlers/fulfilment/reserve-stock.test.ts: a first test of fulfilment/reserve-stock, with a sample batch built from the event
// type's examples. Created once by `eventroutes compile`; yours to extend (mock AWS clients with
// aws-sdk-client-mock, add one case per thing the handler decides).
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../generated/runtime/testing';
import { sampleEvent } from '../../generated/handlers/fulfilment/reserve-stock';
import { handler } from './reserve-stock';

describe('fulfilment/reserve-stock', () => {
  it('handles a sample batch', async () => {
    await expect(handler(sampleEvent(), lambdaContext('fulfilment/reserve-stock'))).resolves.toEqual({ batchItemFailures: [] });
  });
});
