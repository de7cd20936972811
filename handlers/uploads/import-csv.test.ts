// handlers/uploads/import-csv.test.ts: a first test of uploads/import-csv, with a sample event built from the event
// type's examples. Created once by `eventroutes compile`; yours to extend (mock AWS clients with
// aws-sdk-client-mock, add one case per thing the handler decides).
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../generated/runtime/testing';
import { sampleEvent } from '../../generated/handlers/uploads/import-csv';
import { handler } from './import-csv';

describe('uploads/import-csv', () => {
  it('handles a sample event', async () => {
    await expect(handler(sampleEvent(), lambdaContext('uploads/import-csv'))).resolves.toBeUndefined();
  });
});
