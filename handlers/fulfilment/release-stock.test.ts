// handlers/fulfilment/release-stock.test.ts: a first test of fulfilment/release-stock, with a sample event built from the event
// type's examples. Created once by `eventroutes compile`; yours to extend (mock AWS clients with
// aws-sdk-client-mock, add one case per thing the handler decides).
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../generated/runtime/testing';
import { sampleEvent } from '../../generated/handlers/fulfilment/release-stock';
import { handler } from './release-stock';

describe('fulfilment/release-stock', () => {
  it('handles a sample event', async () => {
    await expect(handler(sampleEvent(), lambdaContext('fulfilment/release-stock'))).resolves.toBeUndefined();
  });
});
