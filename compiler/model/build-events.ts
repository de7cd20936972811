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
    const built = buildCustomEvent(decl, fileDefaults(files.get(decl.file)!), schemaFiles, reporter, checkBus);
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

function checkSource(source: string, file: string, pointer: string, reporter: Reporter): void {
  if (source.startsWith('aws.')) {
    reporter.report(file, pointer, 'ER3015', `the source "${source}" starts with "aws.", which is reserved for AWS services`, 'use your own reverse-DNS name, e.g. "com.acme.orders"; for AWS service events declare them under `sources:`');
  }
}

function buildCustomEvent(
  decl: Declaration<EventTypeDecl>,
  defaults: FileDefaults,
  schemaFiles: SchemaFiles,
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
  if (v.detailType.length > MAX_DETAIL_TYPE) {
    reporter.report(decl.file, `${decl.pointer}/detailType`, 'ER4009', `the detail-type is ${v.detailType.length} characters long`, `shorten it to at most ${MAX_DETAIL_TYPE} characters`);
  }
  const bus = v.bus ?? defaults.bus;
  checkBus(bus, decl.file, v.bus !== undefined ? `${decl.pointer}/bus` : '/bus');
  const bundled = bundleSchema(v.schema as JsonObject, decl.file, schemaFiles);
  for (const problem of bundled.problems) {
    reporter.report(decl.file, `${decl.pointer}/schema${problem.pointer}`, problem.code, problem.message, problem.hint);
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
  const problem = scheduleProblem(expression);
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
