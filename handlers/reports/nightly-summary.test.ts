// handlers/reports/nightly-summary.test.ts: a first test of reports/nightly-summary, with a sample event built from the event
// type's examples. Created once by `eventroutes compile`; yours to extend (mock AWS clients with
// aws-sdk-client-mock, add one case per thing the handler decides).
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../generated/runtime/testing';
import { sampleEvent } from '../../generated/handlers/reports/nightly-summary';
import { handler } from './nightly-summary';

describe('reports/nightly-summary', () => {
  it('handles a sample event', async () => {
    await expect(handler(sampleEvent(), lambdaContext('reports/nightly-summary'))).resolves.toBeUndefined();
  });
});
