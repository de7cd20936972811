// handlers/orders/score-fraud.test.ts: a first test of orders/score-fraud, with a sample event built from the event
// type's examples. Created once by `eventroutes compile`; yours to extend (mock AWS clients with
// aws-sdk-client-mock, add one case per thing the handler decides).
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../generated/runtime/testing';
import { sampleEvent } from '../../generated/handlers/orders/score-fraud';
import { handler } from './score-fraud';

describe('orders/score-fraud', () => {
  it('handles a sample event', async () => {
    await expect(handler(sampleEvent(), lambdaContext('orders/score-fraud'))).resolves.toBeUndefined();
  });
});
