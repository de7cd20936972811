import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler, readSettings, renderEmail } from '../../../compiler/cdk/runtime/email-sender';

const event = {
  version: '0',
  id: 'e-1',
  'detail-type': 'Order Placed',
  source: 'com.acme.orders',
  account: '123456789012',
  time: '2026-01-01T00:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: { orderId: 'o-1', total: 1250, customer: { id: 'c-42', name: 'Ana <ana@example.com>' } },
} as EventBridgeEvent<string, unknown>;

const env = {
  EMAIL_FROM: 'shop@acme.example',
  EMAIL_TO: 'sales@acme.example, lead@acme.example',
  EMAIL_CC: 'boss@acme.example',
  EMAIL_SUBJECT_TEMPLATE: 'Large order {{detail.orderId}}:\n {{detail.total}}',
  EMAIL_BODY_TEMPLATE: 'Customer {{detail.customer.name}} ordered {{detail.total}}{{#if detail.missing}} never{{/if}}.',
};

describe('email sender', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => {
    ses.reset();
    for (const k of Object.keys(env)) delete process.env[k];
  });

  it('renders subject and body over the event, as text (no HTML escaping)', () => {
    expect(renderEmail(readSettings(env), event)).toEqual({
      FromEmailAddress: 'shop@acme.example',
      Destination: { ToAddresses: ['sales@acme.example', 'lead@acme.example'], CcAddresses: ['boss@acme.example'] },
      Content: {
        Simple: {
          Subject: { Data: 'Large order o-1: 1250', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Customer Ana <ana@example.com> ordered 1250.', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('leaves out Cc when there is none', () => {
    const { EMAIL_CC: _cc, ...noCc } = env;
    expect(renderEmail(readSettings(noCc), event).Destination).toEqual({ ToAddresses: ['sales@acme.example', 'lead@acme.example'], CcAddresses: undefined });
  });

  it('says which setting is missing', () => {
    expect(() => readSettings({ ...env, EMAIL_FROM: undefined })).toThrow(/EMAIL_FROM is not set/);
  });

  it('sends the mail with SES v2', async () => {
    Object.assign(process.env, env);
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    await expect(handler(event)).resolves.toEqual({ messageId: 'm-1' });
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input.FromEmailAddress).toBe('shop@acme.example');
  });

  it('fails the invocation when SES refuses (Lambda retries, then the dead-letter queue)', async () => {
    Object.assign(process.env, env);
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected'));
    await expect(handler(event)).rejects.toThrow('MessageRejected');
  });
});
