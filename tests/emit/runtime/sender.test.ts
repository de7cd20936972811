// The generated sender (generated/runtime/sender.ts, from compiler/emit/templates/runtime/sender.ts.hbs):
// batching within AWS's limits, retries of only the failed entries, and no silent loss.
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ENTRY_TOO_LARGE, entrySize, MAX_BYTES_PER_CALL, PublishError, sendAll, sendEntries, toBatches, type SendOptions } from '../../../generated/runtime/sender';

const eventBridge = mockClient(EventBridgeClient);
const client = new EventBridgeClient({ region: 'us-east-1' });

function entry(n: number, detailBytes = 10): PutEventsRequestEntry {
  return { Source: 'com.example', DetailType: `T${n}`, Detail: JSON.stringify({ n, pad: 'x'.repeat(Math.max(0, detailBytes - 20)) }), EventBusName: 'bus' };
}

/** No real waiting; records the delays asked for. */
function options(extra: SendOptions = {}): SendOptions & { delays: number[] } {
  const delays: number[] = [];
  return { client, sleep: async (ms) => void delays.push(ms), random: () => 0.5, delays, ...extra };
}

function sentDetailTypes(call: number): string[] {
  return eventBridge.commandCalls(PutEventsCommand)[call]!.args[0].input.Entries!.map((e) => e.DetailType!);
}

beforeEach(() => eventBridge.reset());

describe('entrySize', () => {
  it('counts as AWS does: Time 14 bytes, UTF-8 of Source, DetailType, Detail and Resources', () => {
    expect(entrySize({ Source: 'ab', DetailType: 'cd', Detail: '{"é":1}' })).toBe(2 + 2 + 8); // é is 2 bytes
    expect(entrySize({ Source: 'ab', DetailType: 'cd', Detail: '{}', Time: new Date(0), Resources: ['r1', 'r22'], EventBusName: 'not counted' })).toBe(14 + 2 + 2 + 2 + 2 + 3);
  });
});

describe('toBatches', () => {
  it('puts at most 10 entries in a call', () => {
    const { batches } = toBatches(Array.from({ length: 25 }, (_, i) => ({ entry: entry(i) })));
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
  });

  it('keeps each call within 256 KB', () => {
    const big = Math.floor(MAX_BYTES_PER_CALL / 3);
    const { batches } = toBatches(Array.from({ length: 5 }, (_, i) => ({ entry: entry(i, big) })));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    for (const b of batches) expect(b.reduce((n, x) => n + entrySize(x.entry), 0)).toBeLessThanOrEqual(MAX_BYTES_PER_CALL);
  });

  it('sets apart an entry too large to send at all', () => {
    const { batches, tooLarge } = toBatches([{ entry: entry(1) }, { entry: entry(2, MAX_BYTES_PER_CALL + 1) }]);
    expect(batches).toHaveLength(1);
    expect(tooLarge.map((x) => x.entry.DetailType)).toEqual(['T2']);
  });
});

describe('sendEntries', () => {
  it('sends everything in as few calls as allowed', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({ FailedEntryCount: 0, Entries: input.Entries.map((e) => ({ EventId: `id-${e.DetailType}` })) }));
    const result = await sendEntries(Array.from({ length: 12 }, (_, i) => entry(i)), options());
    expect(result.failed).toEqual([]);
    expect(result.sent.map((s) => s.eventId)).toEqual(Array.from({ length: 12 }, (_, i) => `id-T${i}`));
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });

  it('retries only the entries that failed with a retryable code', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 2,
        Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }],
      })
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }, { EventId: 'c' }] });
    const opts = options();
    const result = await sendEntries([entry(0), entry(1), entry(2)], opts);
    expect(result.failed).toEqual([]);
    expect(result.sent.map((s) => s.eventId)).toEqual(['a', 'b', 'c']);
    expect(sentDetailTypes(1)).toEqual(['T1', 'T2']);
    expect(opts.delays).toEqual([50]);
  });

  it('does not retry validation errors, and reports them with their code', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }] });
    const result = await sendEntries([entry(0), entry(1)], options());
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(result.failed).toEqual([{ entry: entry(1), errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.', attempts: 1 }]);
  });

  it('gives up after maxAttempts with exponential, jittered backoff, keeping the last error', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] });
    const opts = options({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.99 });
    const result = await sendEntries([entry(0)], opts);
    expect(result.failed).toEqual([{ entry: entry(0), errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded', attempts: 4 }]);
    expect(opts.delays).toEqual([99, 198, 297]);
  });

  it('retries a whole call that was throttled, and fails a call refused for good', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    eventBridge.on(PutEventsCommand).rejectsOnce(throttled).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }] });
    expect((await sendEntries([entry(0)], options())).sent).toHaveLength(1);

    eventBridge.reset();
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    eventBridge.on(PutEventsCommand).rejects(denied);
    const result = await sendEntries([entry(0), entry(1)], options());
    expect(result.failed.map((f) => [f.entry.DetailType, f.errorCode, f.attempts])).toEqual([
      ['T0', 'AccessDeniedException', 1],
      ['T1', 'AccessDeniedException', 1],
    ]);
  });

  it('never drops an entry: too large, or missing from the response', async () => {
    eventBridge.on(PutEventsCommand).resolvesOnce({ FailedEntryCount: 0, Entries: [] }).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'late' }] });
    const result = await sendEntries([entry(0), entry(1, MAX_BYTES_PER_CALL + 1)], options());
    expect(result.sent.map((s) => s.eventId)).toEqual(['late']);
    expect(result.failed.map((f) => [f.entry.DetailType, f.errorCode, f.attempts])).toEqual([['T1', ENTRY_TOO_LARGE, 0]]);
  });
});

describe('sendAll', () => {
  it('throws PublishError with every failed entry', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { ErrorCode: 'AccessDeniedException', ErrorMessage: 'denied' }] });
    const error = await sendAll([entry(0), entry(1)], options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).failed.map((f) => f.errorCode)).toEqual(['AccessDeniedException']);
    expect((error as PublishError).message).toContain('T1: AccessDeniedException denied');
  });
});
