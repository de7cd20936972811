// Builds the event types of the model: custom events (`events:`) and AWS service events (`sources:`),
// with source, detail-type, bus, a self-contained detail schema and examples.
import type { SchemaFiles } from '../load/schema-files';
import type { EventType as EventTypeDecl, Source as SourceDecl } from '../language/route-file.types';
import { CLOUDTRAIL_DETAIL_TYPE, DYNAMODB_RECORD_SCHEMA, EC2_STATE_CHANGE, SCHEDULED_EVENT, cloudTrailExample, cloudTrailSchema, dynamodbExample, s3DetailSchema, s3Example } from './aws-events';
import type { Declaration, Reporter, RouteFileInput } from './context';
import type { Declarations } from './declarations';
import { scheduleExpression, scheduleProblem } from './units';
import { bundleSchema } from './schema-bundle';
import type { EventType, JsonObject, PatternBinding } from './types';
import { didYouMean } from '../diagnostics/suggest';

/** What a route on this event type gets besides source and detail-type. */
export interface EventTypeExtras {
  /** Constraints every rule on this type carries (e.g. CloudTrail's eventSource). */
  implicitFilter: JsonObject | null;
  bindings: PatternBinding[];
  /** Where the type was declared, for diagnostics. */
  file: string;
  pointer: string;
}

export interface FileDefaults {
  bus: string;
  source: string | undefined;
  owner: string;
}

export function fileDefaults(file: RouteFileInput): FileDefaults {
  const v = file.value ?? {};
  return {
    bus: typeof v.bus === 'string' ? v.bus : 'default',
    source: typeof v.source === 'string' ? v.source : undefined,
    owner: typeof v.owner === 'string' ? v.owner : '',
  };
}

export interface EventBuildResult {
  eventTypes: EventType[];
  extras: Map<string, EventTypeExtras>;
}

const MAX_DETAIL_TYPE = 128;

export function buildEventTypes(decls: Declarations, files: Map<string, RouteFileInput>, schemaFiles: SchemaFiles, reporter: Reporter): EventBuildResult {
  const eventTypes: EventType[] = [];
  const extras = new Map<string, EventTypeExtras>();
  const busNames = new Set(['default', ...decls.buses.keys()]);

  const checkBus = (bus: string, file: string, pointer: string): void => {
    if (!busNames.has(bus)) {
      reporter.report(file, pointer, 'ER3005', `bus "${bus}" is not declared`, `${didYouMean(bus, busNames)}declare it under \`buses:\` (e.g. \`buses: { ${bus}: {} }\`), or use \`default\``);
    }
  };

  for (const decl of decls.events.values()) {
    if (!decl.trusted) continue;
    const file = files.get(decl.file)!;
    const built = buildCustomEvent(decl, fileDefaults(file), file.noSchemaRefs ? undefined : schemaFiles, reporter, checkBus);
    if (built) {
      eventTypes.push(built);
      extras.set(decl.name, { implicitFilter: null, bindings: [], file: decl.file, pointer: decl.pointer });
    }
  }
  for (const decl of decls.sources.values()) {
    if (!decl.trusted) continue;
    const built = buildAwsEvent(decl, fileDefaults(files.get(decl.file)!), decls, reporter, checkBus);
    if (built) {
      eventTypes.push(built.eventType);
      extras.set(decl.name, { ...built.extras, file: decl.file, pointer: decl.pointer });
    }
  }
  checkAmbiguous(eventTypes, extras, reporter);
  eventTypes.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { eventTypes, extras };
}

/** An empty value, or one with spaces around it, never matches what producers send (ER3047). */
export function checkPadded(value: string, what: string, file: string, pointer: string, reporter: Reporter): boolean {
  if (value.trim() === '') {
    reporter.report(file, pointer, 'ER3047', `the ${what} ${JSON.stringify(value)} is ${value === '' ? 'empty' : 'blank'}`, `AWS requires a non-empty ${what}: write one, e.g. ${what === 'source' ? '"com.acme.orders"' : '"Order Placed"'}`);
    return false;
  }
  if (value.trim() !== value) {
    reporter.report(file, pointer, 'ER3047', `the ${what} ${JSON.stringify(value)} starts or ends with spaces`, `write ${JSON.stringify(value.trim())}: events are matched exactly, and producers do not send the spaces`);
    return false;
  }
  return true;
}

export function checkSource(source: string, file: string, pointer: string, reporter: Reporter): void {
  if (!checkPadded(source, 'source', file, pointer, reporter)) return;
  if (source.startsWith('aws.')) {
    reporter.report(file, pointer, 'ER3015', `the source "${source}" starts with "aws.", which is reserved for AWS services`, 'use your own reverse-DNS name, e.g. "com.acme.orders"; for AWS service events declare them under `sources:`');
  }
}

function buildCustomEvent(
  decl: Declaration<EventTypeDecl>,
  defaults: FileDefaults,
  /** Undefined when the file's schemas hold no `$ref` (nothing to bundle). */
  schemaFiles: SchemaFiles | undefined,
  reporter: Reporter,
  checkBus: (bus: string, file: string, pointer: string) => void,
): EventType | undefined {
  const v = decl.value;
  const source = v.source ?? defaults.source;
  if (source === undefined) {
    reporter.report(decl.file, decl.pointer, 'ER3014', `event type "${decl.name}" has no source`, 'add `source: com.example.service` to the event, or once at the top of the file', { atKey: true });
    return undefined;
  }
  checkSource(source, decl.file, v.source !== undefined ? `${decl.pointer}/source` : '/source', reporter);
  checkPadded(v.detailType, 'detail-type', decl.file, `${decl.pointer}/detailType`, reporter);
  if (v.detailType.length > MAX_DETAIL_TYPE) {
    reporter.report(decl.file, `${decl.pointer}/detailType`, 'ER4009', `the detail-type is ${v.detailType.length} characters long`, `shorten it to at most ${MAX_DETAIL_TYPE} characters`);
  }
  const bus = v.bus ?? defaults.bus;
  checkBus(bus, decl.file, v.bus !== undefined ? `${decl.pointer}/bus` : '/bus');
  const bundled = schemaFiles ? bundleSchema(v.schema as JsonObject, decl.file, schemaFiles) : { schema: v.schema as JsonObject, problems: [] };
  for (const problem of bundled.problems) {
    reporter.report(decl.file, `${decl.pointer}/schema${problem.pointer}`, problem.code, problem.message, problem.hint);
  }
  const notObject = rootTypeProblem(v.schema as JsonObject, bundled.schema);
  if (notObject) {
    reporter.report(decl.file, `${decl.pointer}/schema${notObject.pointer}`, 'ER3048', `the schema of "${decl.name}" describes ${notObject.type}; the detail of an EventBridge event is always an object`, 'describe the detail as `type: object` with `properties`, and put a list or a value under a property');
  }
  return {
    name: decl.name,
    producer: v.api ? { kind: 'api', method: v.api.method ?? 'POST', path: v.api.path } : { kind: 'custom' },
    source,
    detailType: v.detailType,
    bus,
    description: v.description ?? '',
    owner: v.owner ?? defaults.owner,
    detailSchema: bundled.schema,
    examples: (v.examples ?? []) as JsonObject[],
    publishable: true,
    file: decl.file,
  };
}

const SOURCE_KINDS = ['s3', 'dynamodb', 'ec2', 'cloudtrail', 'schedule'] as const;

function buildAwsEvent(
  decl: Declaration<SourceDecl>,
  defaults: FileDefaults,
  decls: Declarations,
  reporter: Reporter,
  checkBus: (bus: string, file: string, pointer: string) => void,
): { eventType: EventType; extras: Omit<EventTypeExtras, 'file' | 'pointer'> } | undefined {
  const v = decl.value;
  const kinds = SOURCE_KINDS.filter((k) => v[k] !== undefined);
  if (kinds.length !== 1) {
    reporter.report(
      decl.file,
      decl.pointer,
      'ER3011',
      kinds.length === 0 ? `source "${decl.name}" has no kind` : `source "${decl.name}" has several kinds: ${kinds.join(', ')}`,
      'give exactly one of `s3`, `dynamodb`, `ec2`, `cloudtrail` or `schedule` (one entry per event type)',
      { atKey: true },
    );
    return undefined;
  }
  const common = { name: decl.name, description: v.description ?? '', owner: v.owner ?? defaults.owner, file: decl.file, publishable: false };
  const none = { implicitFilter: null, bindings: [] as PatternBinding[] };
  if (v.s3) {
    const bucket = decls.buckets.get(v.s3.bucket);
    if (!bucket) {
      reporter.report(decl.file, `${decl.pointer}/s3/bucket`, 'ER3009', `bucket "${v.s3.bucket}" is not declared`, `${didYouMean(v.s3.bucket, decls.buckets.keys())}declare it under \`buckets:\``);
    }
    return {
      eventType: { ...common, producer: { kind: 's3', bucket: v.s3.bucket, event: v.s3.event }, source: 'aws.s3', detailType: v.s3.event, bus: 'default', detailSchema: s3DetailSchema(v.s3.event), examples: [s3Example(v.s3.event, v.s3.bucket)] },
      extras: { implicitFilter: null, bindings: [{ path: ['detail', 'bucket', 'name'], resource: { kind: 'bucket', name: v.s3.bucket } }] },
    };
  }
  if (v.dynamodb) {
    const table = decls.tables.get(v.dynamodb.table);
    if (!table) {
      reporter.report(decl.file, `${decl.pointer}/dynamodb/table`, 'ER3008', `table "${v.dynamodb.table}" is not declared`, `${didYouMean(v.dynamodb.table, decls.tables.keys())}declare it under \`tables:\``);
    }
    const source = v.dynamodb.source ?? defaults.source;
    if (source === undefined) {
      reporter.report(decl.file, `${decl.pointer}/dynamodb`, 'ER3031', `the DynamoDB source "${decl.name}" has no event source`, 'add `source: com.example.service` to the dynamodb source, or once at the top of the file', { atKey: true });
      return undefined;
    }
    checkSource(source, decl.file, v.dynamodb.source !== undefined ? `${decl.pointer}/dynamodb/source` : '/source', reporter);
    if (v.dynamodb.detailType !== undefined) checkPadded(v.dynamodb.detailType, 'detail-type', decl.file, `${decl.pointer}/dynamodb/detailType`, reporter);
    const bus = v.dynamodb.bus ?? defaults.bus;
    checkBus(bus, decl.file, v.dynamodb.bus !== undefined ? `${decl.pointer}/dynamodb/bus` : '/bus');
    const pk = table?.value?.partitionKey;
    const pkName = typeof pk === 'string' ? pk : pk?.name ?? 'id';
    return {
      eventType: {
        ...common,
        producer: { kind: 'dynamodb', table: v.dynamodb.table },
        source,
        detailType: v.dynamodb.detailType ?? `${v.dynamodb.table} table change`,
        bus,
        detailSchema: DYNAMODB_RECORD_SCHEMA,
        examples: [dynamodbExample(pkName)],
        publishable: false,
      },
      extras: none,
    };
  }
  if (v.ec2) {
    return {
      eventType: { ...common, producer: { kind: 'ec2' }, source: EC2_STATE_CHANGE.source, detailType: EC2_STATE_CHANGE.detailType, bus: 'default', detailSchema: EC2_STATE_CHANGE.schema, examples: [EC2_STATE_CHANGE.example] },
      extras: none,
    };
  }
  if (v.cloudtrail) {
    const service = v.cloudtrail.service;
    return {
      eventType: { ...common, producer: { kind: 'cloudtrail', service }, source: `aws.${service}`, detailType: CLOUDTRAIL_DETAIL_TYPE, bus: 'default', detailSchema: cloudTrailSchema(service), examples: [cloudTrailExample(service)] },
      extras: { implicitFilter: { detail: { eventSource: [`${service}.amazonaws.com`] } }, bindings: [] },
    };
  }
  const expression = scheduleExpression(v.schedule!);
  const both = typeof v.schedule === 'object' && v.schedule.rate !== undefined && v.schedule.cron !== undefined;
  const problem = both ? undefined : scheduleProblem(expression);
  if (both) {
    reporter.report(decl.file, `${decl.pointer}/schedule`, 'ER3024', `the schedule has both \`rate\` (${JSON.stringify((v.schedule as { rate: string }).rate)}) and \`cron\` (${JSON.stringify((v.schedule as { cron: string }).cron)})`, 'a rule has one schedule expression: keep `rate` or `cron`, or declare a second source for the other', { atKey: true });
  }
  if (problem) {
    reporter.report(decl.file, `${decl.pointer}/schedule`, 'ER3024', `the schedule "${expression}" is not valid: ${problem}`, 'write e.g. `rate(5 minutes)`, `rate(1 hour)` or `cron(0 8 * * ? *)` (minutes hours day-of-month month day-of-week year)');
  }
  return {
    eventType: { ...common, producer: { kind: 'schedule', expression }, source: SCHEDULED_EVENT.source, detailType: SCHEDULED_EVENT.detailType, bus: 'default', detailSchema: SCHEDULED_EVENT.schema, examples: [SCHEDULED_EVENT.example] },
    extras: none,
  };
}

/** Two custom event types with the same source and detail-type on one bus cannot be told apart. */
function checkAmbiguous(eventTypes: EventType[], extras: Map<string, EventTypeExtras>, reporter: Reporter): void {
  const seen = new Map<string, EventType>();
  for (const t of eventTypes) {
    if (t.producer.kind === 's3' || t.producer.kind === 'cloudtrail' || t.producer.kind === 'schedule' || t.producer.kind === 'ec2') continue;
    const key = `${t.bus}\u0000${t.source}\u0000${t.detailType}`;
    const other = seen.get(key);
    const where = extras.get(t.name)!;
    if (other) {
      reporter.report(where.file, where.pointer, 'ER3021', `event types "${other.name}" and "${t.name}" both have source "${t.source}" and detail-type "${t.detailType}" on bus "${t.bus}"`, 'give one of them another detailType (or source)', { atKey: true });
    } else seen.set(key, t);
  }
}

const TYPE_WORDS: Record<string, string> = { array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'null' };

/**
 * Where the root of a detail schema says that the detail is not an object (`type: array`, `type:
 * string`, ...), following a root `$ref`; undefined when it may be an object (or says nothing).
 */
function rootTypeProblem(written: JsonObject, bundled: JsonObject): { pointer: string; type: string } | undefined {
  let node: unknown = bundled;
  for (let hops = 0; hops < 32 && node && typeof node === 'object' && typeof (node as JsonObject).$ref === 'string' && (node as JsonObject).type === undefined; hops++) {
    const ref = (node as JsonObject).$ref as string;
    if (!ref.startsWith('#')) return undefined;
    node = ref.slice(1).split('/').slice(1).reduce<unknown>((n, t) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), bundled);
  }
  if (!node || typeof node !== 'object') return undefined;
  const type = (node as JsonObject).type;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
  // An unknown type name is the meta-schema's to report (ER3016).
  if (types.length === 0 || types.includes('object') || types.some((t) => !(t in TYPE_WORDS))) return undefined;
  const pointer = node === bundled && written.type !== undefined ? '/type' : written.$ref !== undefined ? '/$ref' : '';
  return { pointer, type: types.map((t) => TYPE_WORDS[t] ?? t).join(' or ') };
}
