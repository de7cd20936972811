// Builds the declared resources of the model: buses, notification topics, queues, log groups, API
// destinations, tables and buckets, checking the values AWS would reject.
import type { Reporter } from './context';
import type { Declarations } from './declarations';
import { constructId } from './ids';
import { durationSeconds, retentionDays } from './units';
import { resolveLogRetention } from './build-defaults';
import { checkHandlerPath } from './build-functions';
import type { ApiDestination, Bucket, Bus, ConnectionAuth, Defaults, LogGroup, Queue, Table, Topic } from './types';

export const EMAIL = /^[^@\s"<>()]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const E164 = /^\+[1-9][0-9]{7,14}$/;
const SECRET_REF = /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+|[A-Za-z0-9/_+=.@-]{1,512})$/;
const BUS_NAME = /^[.\-_A-Za-z0-9]{1,256}$/;
const ARCHIVE_NAME = /^[.\-_A-Za-z0-9]{1,48}$/;

/** The URL with its password masked, when it has credentials (`https://user:pass@host`). */
export function urlCredentials(value: string): string | undefined {
  try {
    const url = new URL(value.replace(/\*/g, 'x'));
    if (url.username === '' && url.password === '') return undefined;
    return value.replace(/\/\/[^@/]*@/, `//${url.username}${url.password ? ':***' : ''}@`);
  } catch {
    return undefined;
  }
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value.replace(/\*/g, 'x'));
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function buildBuses(decls: Declarations, reporter: Reporter): Bus[] {
  const buses: Bus[] = [];
  const declaredDefault = decls.buses.get('default');
  for (const decl of decls.buses.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    const isDefault = decl.name === 'default';
    if (!isDefault && (!BUS_NAME.test(decl.name) || decl.name.startsWith('aws.'))) {
      reporter.report(decl.file, decl.pointer, 'ER4004', `"${decl.name}" is not a valid custom event bus name`, 'use 1-256 of letters, digits, ".", "-", "_", not starting with "aws."', { atKey: true });
    }
    let archive: Bus['archive'] = null;
    if (v.archive === true) archive = { name: `${decl.name}-archive`, retentionDays: 0 };
    else if (typeof v.archive === 'object') {
      const r = v.archive.retention === undefined ? { days: 0 } : retentionDays(v.archive.retention);
      if ('error' in r) reporter.report(decl.file, `${decl.pointer}/archive/retention`, 'ER4013', `archive retention ${JSON.stringify(v.archive.retention)}: ${r.error}`, 'write a number of days such as 30d or 1y, or forever');
      else archive = { name: `${decl.name}-archive`, retentionDays: r.days };
    }
    if (archive && !ARCHIVE_NAME.test(archive.name)) {
      archive.name = `${decl.name.slice(0, 40).replace(/[^.\-_A-Za-z0-9]/g, '-')}-archive`;
    }
    buses.push({
      name: decl.name,
      id: constructId(decl.name),
      kind: isDefault ? 'default' : 'custom',
      description: v.description ?? '',
      archive,
      schemaDiscovery: v.schemaDiscovery ?? false,
      allowAccounts: [...new Set(v.allowAccounts ?? [])].sort(),
      eventTypes: [],
      file: decl.file,
    });
  }
  if (!declaredDefault) {
    buses.push({ name: 'default', id: 'Default', kind: 'default', description: 'The account default bus (AWS service events and schedules).', archive: null, schemaDiscovery: false, allowAccounts: [], eventTypes: [], file: null });
  }
  if (buses.filter((b) => b.kind === 'custom').length > 100) {
    const first = [...decls.buses.values()][100];
    reporter.report(first.file, first.pointer, 'ER4012', `the project declares ${buses.length - 1} custom buses`, 'an account holds at most 100 event buses by default: request a quota increase or combine buses', { atKey: true });
  }
  return buses.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function buildTopics(decls: Declarations, reporter: Reporter): Topic[] {
  const topics: Topic[] = [];
  for (const decl of decls.notifications.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    const subscriptions: Topic['subscriptions'] = [];
    (v.email ?? []).forEach((address, i) => {
      if (!EMAIL.test(address)) reporter.report(decl.file, `${decl.pointer}/email/${i}`, 'ER3026', `"${address}" is not a valid email address`, 'write an address like ops@example.com');
      subscriptions.push({ protocol: 'email', endpoint: address });
    });
    (v.sms ?? []).forEach((phone, i) => {
      if (!E164.test(phone)) reporter.report(decl.file, `${decl.pointer}/sms/${i}`, 'ER3041', `"${phone}" is not an E.164 phone number`, 'write "+" then the country code and number, 8 to 15 digits, e.g. +15555550100');
      subscriptions.push({ protocol: 'sms', endpoint: phone });
    });
    (v.https ?? []).forEach((url, i) => {
      if (!isHttpsUrl(url)) reporter.report(decl.file, `${decl.pointer}/https/${i}`, 'ER3027', `"${url}" is not an https:// URL`, 'SNS HTTPS subscriptions need an absolute https:// URL');
      subscriptions.push({ protocol: 'https', endpoint: url });
    });
    topics.push({ name: decl.name, id: constructId(decl.name), subscriptions, file: decl.file });
  }
  return topics.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const QUEUE_DEFAULTS = { visibilityTimeoutSeconds: 30, retentionSeconds: 4 * 86400, maxReceives: 5 };
/** Dead-letter queues keep messages as long as SQS allows. */
export const DLQ_RETENTION_SECONDS = 14 * 86400;

export function buildInboxQueues(decls: Declarations, reporter: Reporter): Queue[] {
  const queues: Queue[] = [];
  for (const decl of decls.queues.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    let visibility = QUEUE_DEFAULTS.visibilityTimeoutSeconds;
    if (v.visibilityTimeout !== undefined) {
      const s = durationSeconds(v.visibilityTimeout);
      if (s === undefined || s > 43200) reporter.report(decl.file, `${decl.pointer}/visibilityTimeout`, 'ER4013', `visibility timeout ${JSON.stringify(v.visibilityTimeout)} is outside 0s to 12h`, 'use 0s to 12h');
      else visibility = s;
    }
    let retention = QUEUE_DEFAULTS.retentionSeconds;
    if (v.retention !== undefined) {
      const s = durationSeconds(v.retention);
      if (s === undefined || s < 60 || s > 14 * 86400) reporter.report(decl.file, `${decl.pointer}/retention`, 'ER4013', `retention ${JSON.stringify(v.retention)} is outside 60s to 14d`, 'SQS keeps messages 60 seconds to 14 days');
      else retention = s;
    }
    const consumer = v.consumer === undefined ? null : typeof v.consumer === 'string' ? { function: v.consumer, batchSize: 10 } : { function: v.consumer.handler, batchSize: v.consumer.batchSize ?? 10 };
    if (consumer) checkHandlerPath(consumer.function, decl.file, typeof v.consumer === 'string' ? `${decl.pointer}/consumer` : `${decl.pointer}/consumer/handler`, reporter);
    queues.push({
      name: decl.name,
      id: constructId(decl.name),
      purpose: 'inbox',
      fifo: v.fifo ?? false,
      visibilityTimeoutSeconds: visibility,
      retentionSeconds: retention,
      redrive: { maxReceives: v.maxReceives ?? QUEUE_DEFAULTS.maxReceives },
      consumer,
      senders: [],
      file: decl.file,
    });
  }
  return queues;
}

export function buildLogGroups(decls: Declarations, defaults: Defaults, project: string, reporter: Reporter): LogGroup[] {
  const groups: LogGroup[] = [];
  for (const decl of decls.logs.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    const days = v.retention === undefined ? defaults.logRetentionDays : resolveLogRetention(v.retention, decl.file, `${decl.pointer}/retention`, reporter) ?? defaults.logRetentionDays;
    groups.push({ name: decl.name, id: constructId(decl.name), logGroupName: `/aws/events/${project}/${decl.name}`, retentionDays: days, file: decl.file });
  }
  return groups.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function buildApiDestinations(decls: Declarations, reporter: Reporter): ApiDestination[] {
  const out: ApiDestination[] = [];
  for (const decl of decls.apiDestinations.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    const masked = urlCredentials(v.url);
    if (!isHttpsUrl(v.url)) reporter.report(decl.file, `${decl.pointer}/url`, 'ER3027', `"${masked ?? v.url}" is not an https:// URL`, 'API destinations call https:// endpoints only');
    else if (masked) reporter.report(decl.file, `${decl.pointer}/url`, 'ER3027', `the URL "${masked}" contains credentials`, 'never write credentials into the YAML: remove them from the URL and use the connection\'s `auth` with a Secrets Manager secret (e.g. `auth: { basic: { secret: partner/webhook } }`)');
    const kinds = (['apiKey', 'basic', 'oauth'] as const).filter((k) => v.auth[k] !== undefined);
    if (kinds.length !== 1) {
      reporter.report(decl.file, `${decl.pointer}/auth`, 'ER3032', kinds.length === 0 ? 'the connection has no authorization' : `the connection has several authorizations: ${kinds.join(', ')}`, 'give exactly one of `apiKey`, `basic` or `oauth`, each with a `secret` reference');
      continue;
    }
    const checkSecret = (secret: string, pointer: string): void => {
      if (!SECRET_REF.test(secret)) reporter.report(decl.file, pointer, 'ER3042', `"${secret}" is not a Secrets Manager secret name or ARN`, 'write the name (e.g. partner/webhook-key) or ARN of a secret holding the credentials, never the credentials themselves');
    };
    let auth: ConnectionAuth;
    if (v.auth.apiKey) {
      checkSecret(v.auth.apiKey.secret, `${decl.pointer}/auth/apiKey/secret`);
      auth = { kind: 'apiKey', header: v.auth.apiKey.header, secret: v.auth.apiKey.secret, field: v.auth.apiKey.field ?? 'apiKey' };
    } else if (v.auth.basic) {
      checkSecret(v.auth.basic.secret, `${decl.pointer}/auth/basic/secret`);
      auth = { kind: 'basic', secret: v.auth.basic.secret, usernameField: v.auth.basic.usernameField ?? 'username', passwordField: v.auth.basic.passwordField ?? 'password' };
    } else {
      const o = v.auth.oauth!;
      checkSecret(o.secret, `${decl.pointer}/auth/oauth/secret`);
      const maskedToken = urlCredentials(o.tokenUrl);
      if (!isHttpsUrl(o.tokenUrl)) reporter.report(decl.file, `${decl.pointer}/auth/oauth/tokenUrl`, 'ER3027', `"${maskedToken ?? o.tokenUrl}" is not an https:// URL`, 'the OAuth authorization endpoint must be https://');
      else if (maskedToken) reporter.report(decl.file, `${decl.pointer}/auth/oauth/tokenUrl`, 'ER3027', `the URL "${maskedToken}" contains credentials`, 'never write credentials into the YAML: the client id and secret come from the `secret` of the oauth settings');
      auth = { kind: 'oauth', tokenUrl: o.tokenUrl, method: o.method ?? 'POST', secret: o.secret, clientIdField: o.clientIdField ?? 'clientId', clientSecretField: o.clientSecretField ?? 'clientSecret' };
    }
    out.push({ name: decl.name, id: constructId(decl.name), url: v.url, method: v.method ?? 'POST', rateLimitPerSecond: v.rateLimit ?? 10, auth, file: decl.file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function buildTables(decls: Declarations): Table[] {
  const key = (k: string | { name: string; type?: 'string' | 'number' | 'binary' } | undefined) =>
    k === undefined ? null : typeof k === 'string' ? { name: k, type: 'string' as const } : { name: k.name, type: k.type ?? ('string' as const) };
  const out: Table[] = [];
  for (const decl of decls.tables.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    out.push({ name: decl.name, id: constructId(decl.name), partitionKey: key(v.partitionKey)!, sortKey: key(v.sortKey), ttlAttribute: v.ttl ?? null, stream: null, file: decl.file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function buildBuckets(decls: Declarations, reporter: Reporter): Bucket[] {
  const out: Bucket[] = [];
  for (const decl of decls.buckets.values()) {
    if (!decl.trusted) continue;
    const v = decl.value;
    let expire: number | null = null;
    if (v.expireAfter !== undefined) {
      const s = durationSeconds(v.expireAfter);
      if (s !== undefined && s < 86400) reporter.report(decl.file, `${decl.pointer}/expireAfter`, 'ER4013', `expireAfter ${JSON.stringify(v.expireAfter)} is less than 1 day`, 'S3 lifecycle expiration is at least 1 day (whole days, e.g. 1d or 90d)');
      else if (s === undefined || s % 86400 !== 0) reporter.report(decl.file, `${decl.pointer}/expireAfter`, 'ER4013', `expireAfter ${JSON.stringify(v.expireAfter)} is not a whole number of days`, 'S3 lifecycle expiration takes whole days, e.g. 90d');
      else expire = s / 86400;
    }
    out.push({ name: decl.name, id: constructId(decl.name), versioned: v.versioned ?? false, expireAfterDays: expire, eventBridge: false, file: decl.file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
