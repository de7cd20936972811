// handlers/activity/check-sign-in.test.ts: a first test of activity/check-sign-in, with a sample event built from the event
// type's examples. Created once by `eventroutes compile`; yours to extend (mock AWS clients with
// aws-sdk-client-mock, add one case per thing the handler decides).
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../generated/runtime/testing';
import { sampleEvent } from '../../generated/handlers/activity/check-sign-in';
import { handler } from './check-sign-in';

describe('activity/check-sign-in', () => {
  it('handles a sample event', async () => {
    await expect(handler(sampleEvent(), lambdaContext('activity/check-sign-in'))).resolves.toBeUndefined();
  });
});
