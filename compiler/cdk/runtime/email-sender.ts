// The email sender behind email targets (bundled with esbuild into each sender function). It renders
// the target's Handlebars subject and body over the EventBridge event and sends a plain-text mail
// with SES v2. The templates and addresses come from the environment (compiler/cdk/targets/email-target.ts).
// Values are inserted as they are (no HTML escaping): the mail is text.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { EventBridgeEvent } from 'aws-lambda';
import Handlebars from 'handlebars';

/** SES's limit is far higher; a subject beyond this is cut (mail clients show less anyway). */
export const MAX_SUBJECT_LENGTH = 200;

export interface EmailSettings {
  from: string;
  to: string[];
  cc: string[];
  subject: HandlebarsTemplateDelegate;
  body: HandlebarsTemplateDelegate;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`email sender: environment variable ${name} is not set; the function was not deployed by eventroutes`);
  return value;
}

const list = (value: string | undefined): string[] => (value ? value.split(',').map((a) => a.trim()).filter(Boolean) : []);

export function readSettings(env: NodeJS.ProcessEnv): EmailSettings {
  const compile = (template: string): HandlebarsTemplateDelegate => Handlebars.compile(template, { noEscape: true });
  return {
    from: required(env, 'EMAIL_FROM'),
    to: list(required(env, 'EMAIL_TO')),
    cc: list(env.EMAIL_CC),
    subject: compile(required(env, 'EMAIL_SUBJECT_TEMPLATE')),
    body: compile(required(env, 'EMAIL_BODY_TEMPLATE')),
  };
}

/** The SES v2 request for one event. */
export function renderEmail(settings: EmailSettings, event: EventBridgeEvent<string, unknown>): SendEmailCommand['input'] {
  const subject = settings.subject(event).replace(/\s+/g, ' ').trim().slice(0, MAX_SUBJECT_LENGTH);
  return {
    FromEmailAddress: settings.from,
    Destination: { ToAddresses: settings.to, CcAddresses: settings.cc.length > 0 ? settings.cc : undefined },
    Content: { Simple: { Subject: { Data: subject, Charset: 'UTF-8' }, Body: { Text: { Data: settings.body(event), Charset: 'UTF-8' } } } },
  };
}

let settings: EmailSettings | undefined;
const client = new SESv2Client({});

export async function handler(event: EventBridgeEvent<string, unknown>): Promise<{ messageId: string | undefined }> {
  settings ??= readSettings(process.env);
  const result = await client.send(new SendEmailCommand(renderEmail(settings, event)));
  return { messageId: result.MessageId };
}
