// handlers/activity/check-sign-in.test.ts: the risk rules, and the sign-out published for high risk.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleEvent, type HandlerEvent } from '../../generated/handlers/activity/check-sign-in';
import { lambdaContext } from '../../generated/runtime/testing';
import { assessSignIn, handler, type SignInRisk } from './check-sign-in';

const eventBridge = mockClient(EventBridgeClient);

function signIn(change: Partial<HandlerEvent['detail']>): HandlerEvent {
  const event = sampleEvent();
  return { ...event, detail: { ...event.detail, ...change } };
}

describe('assessSignIn', () => {
  const cases: { name: string; given: Partial<HandlerEvent['detail']>; want: SignInRisk }[] = [
    { name: 'a known platform from a public address is reviewed', given: {}, want: 'review' },
    { name: 'an unknown platform is high risk', given: { device: { id: 'd-2', newDevice: true } }, want: 'high' },
    { name: 'a device without id is high risk', given: { device: { platform: 'ios', newDevice: true } }, want: 'high' },
    { name: 'a private address is high risk', given: { ip: '192.168.1.20' }, want: 'high' },
    { name: 'a malformed address is high risk', given: { ip: 'not-an-ip' }, want: 'high' },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => expect(assessSignIn(signIn(given).detail).risk).toBe(want));
  }
});

describe('activity/check-sign-in', () => {
  beforeEach(() => {
    eventBridge.reset();
    process.env.BUS_ANALYTICS = 'analytics-bus';
  });
  afterEach(() => {
    delete process.env.BUS_ANALYTICS;
  });

  it('publishes nothing for a sign-in to review', async () => {
    await handler(sampleEvent(), lambdaContext('activity/check-sign-in'));
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('publishes a sign-out for a high-risk sign-in', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    await handler(signIn({ ip: '10.0.0.1' }), lambdaContext('activity/check-sign-in'));
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    const entry = calls[0]!.args[0].input.Entries![0]!;
    expect(entry).toMatchObject({ Source: 'com.acme.web', DetailType: 'User Activity Recorded', EventBusName: 'analytics-bus' });
    expect(JSON.parse(entry.Detail!)).toMatchObject({ userId: 'u-7', action: 'sign-out', ip: '10.0.0.1' });
  });

  it('fails (so that Lambda retries) when the sign-out cannot be published', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'AccessDeniedException', ErrorMessage: 'not allowed' }] });
    await expect(handler(signIn({ ip: '10.0.0.1' }), lambdaContext('activity/check-sign-in'))).rejects.toThrow('AccessDeniedException');
  });
});
