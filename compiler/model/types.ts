// The normalized route model: the single input of every emitter, of the CDK app and of the route
// tests. Plain serializable data; every default is resolved, nothing is optional-with-default.
// Written to generated/model.json with sorted keys, so a pull request shows exactly what changed.
//
// Naming: `name` is the user's name from the YAML; `id` is the CDK construct id derived from it
// (stable: it changes only when the name changes). Lists are sorted by name.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const MODEL_VERSION = 1;

export interface RouteModel {
  version: typeof MODEL_VERSION;
  /** Project name: prefix of stack names. */
  project: string;
  defaults: Defaults;
  buses: Bus[];
  eventTypes: EventType[];
  routes: Route[];
  functions: LambdaFunction[];
  topics: Topic[];
  queues: Queue[];
  logGroups: LogGroup[];
  apiDestinations: ApiDestination[];
  tables: Table[];
  buckets: Bucket[];
}

/** Project-wide defaults after resolution (the values targets fall back to are already applied). */
export interface Defaults {
  retry: RetryPolicy;
  deadLetter: boolean;
  alarms: AlarmSettings;
  logRetentionDays: number;
  lambda: LambdaSettings;
}

export interface AlarmSettings {
  /** Name of the topic (in `topics`) that alarms notify; null: alarms without an action. */
  topic: string | null;
  /** Whether alarms are created at all. */
  enabled: boolean;
}

export interface LambdaSettings {
  runtime: string;
  architecture: 'arm64' | 'x86_64';
  memoryMb: number;
  timeoutSeconds: number;
  tracing: boolean;
}

export interface RetryPolicy {
  /** MaximumRetryAttempts, 0-185. */
  attempts: number;
  /** MaximumEventAgeInSeconds, 60-86400. */
  maxAgeSeconds: number;
}

export interface Bus {
  name: string;
  id: string;
  /** `default` is the account's default bus (AWS service events, schedules); it is not created. */
  kind: 'custom' | 'default';
  description: string;
  archive: Archive | null;
  schemaDiscovery: boolean;
  /** Other AWS accounts allowed to put events on this bus (a bus policy is created). */
  allowAccounts: string[];
  /** Names of the event types published on this bus. */
  eventTypes: string[];
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}

export interface Archive {
  /** Archive name (1-48 chars). */
  name: string;
  /** 0 keeps events forever. */
  retentionDays: number;
}

export type EventProducer =
  | { kind: 'custom' }
  | { kind: 'api'; method: string; path: string }
  | { kind: 's3'; bucket: string; event: string }
  | { kind: 'dynamodb'; table: string }
  | { kind: 'ec2' }
  | { kind: 'cloudtrail'; service: string }
  | { kind: 'schedule'; expression: string };

export interface EventType {
  /** PascalCase type name, e.g. "OrderPlaced". */
  name: string;
  /** What puts it on the bus: our applications (custom), an HTTP endpoint, or an AWS service. */
  producer: EventProducer;
  /** The `source` field of the envelope. */
  source: string;
  /** The `detail-type` field of the envelope. */
  detailType: string;
  bus: string;
  description: string;
  owner: string;
  /** JSON Schema (draft-07) of `detail`, self-contained (file references inlined). */
  detailSchema: JsonObject;
  /** Example `detail` values (validated against the schema). */
  examples: JsonObject[];
  /** Whether our applications may publish it (custom and API events; not AWS events). */
  publishable: boolean;
  /** Route file that declared it (relative to the project root). */
  file: string;
}

export type Trigger =
  | {
      kind: 'pattern';
      /** The rule's complete event pattern: source and detail-type from the event types, plus the filter. */
      pattern: JsonObject;
      /** Values the CDK app adds to the pattern at deploy time (resource names not known before). */
      bindings: PatternBinding[];
    }
  | { kind: 'schedule'; expression: string };

export interface PatternBinding {
  /**
   * Path of the field in the rule's pattern, e.g. ["detail", "bucket", "name"], or inside the branch of
   * its event type when the pattern is an `$or` of event types: ["$or", "1", "detail", "bucket", "name"].
   */
  path: string[];
  resource: { kind: 'bucket'; name: string };
}

export interface Route {
  name: string;
  id: string;
  description: string;
  bus: string;
  /** Event types the route listens to (names). */
  eventTypes: string[];
  enabled: boolean;
  trigger: Trigger;
  /** The filter as the user wrote it (null when none): used by handler-type narrowing. */
  filter: JsonObject | null;
  targets: Target[];
  tests: RouteTest[];
  /** Name of the dead-letter queue (in `queues`) that targets of this route use by default, or null. */
  deadLetterQueue: string | null;
  /** Route file that declared it (relative to the project root). */
  file: string;
}

export interface RouteTest {
  name: string;
  /**
   * The test's position in the route's `tests:` when it differs from its position here: only after an
   * earlier test was left out for an error (ER3040), so never in a written model.
   */
  index?: number;
  /** The event type the sample is (one of the route's `eventTypes`). */
  eventType: string;
  /** The complete event after completion from the event type's examples and envelope defaults. */
  event: JsonObject;
  matches: boolean;
}

export type InputSpec =
  | { kind: 'transformer'; paths: Record<string, string>; template: string }
  | { kind: 'constant'; json: string }
  | { kind: 'path'; path: string };

interface TargetBase {
  /** EventBridge target id (1-64 chars, unique within the rule). */
  id: string;
  retry: RetryPolicy;
  /** Name of the dead-letter queue (in `queues`), or null when turned off. */
  deadLetterQueue: string | null;
  input: InputSpec | null;
}

export interface LambdaTarget extends TargetBase {
  kind: 'lambda';
  /** Handler path (the `functions` entry name), e.g. "orders/score-fraud". */
  function: string;
}
export interface SnsTarget extends TargetBase {
  kind: 'sns';
  topic: string;
}
export interface EmailTarget extends TargetBase {
  kind: 'email';
  from: string;
  /** SES identity the sender may use: an email address or a domain. */
  identity: string;
  to: string[];
  cc: string[];
  /** Handlebars templates over the event. */
  subject: string;
  body: string;
}
export interface SqsTarget extends TargetBase {
  kind: 'sqs';
  queue: string;
  /** For FIFO queues: the fixed message group id (EventBridge rules cannot take it from the event). */
  messageGroupId: string | null;
}
export interface StepFunctionsTarget extends TargetBase {
  kind: 'stepFunctions';
  stateMachineArn: string;
}
export interface BusTarget extends TargetBase {
  kind: 'bus';
  /** A bus of this project (by name) or null when `arn` points elsewhere. */
  bus: string | null;
  /** The target bus ARN when outside this project (another region or account), else null. */
  arn: string | null;
  /** Account id of the target bus when it differs from the deploying account (cross-account), else null. */
  account: string | null;
}
export interface ApiDestinationTarget extends TargetBase {
  kind: 'apiDestination';
  destination: string;
}
export interface LogsTarget extends TargetBase {
  kind: 'logs';
  logGroup: string;
}

export type Target =
  | LambdaTarget
  | SnsTarget
  | EmailTarget
  | SqsTarget
  | StepFunctionsTarget
  | BusTarget
  | ApiDestinationTarget
  | LogsTarget;

export type TargetKind = Target['kind'];

export interface LambdaFunction {
  /** Handler path relative to handlers/ without extension, e.g. "orders/score-fraud". */
  name: string;
  id: string;
  /** Entry file relative to the project root, e.g. "handlers/orders/score-fraud.ts". */
  entry: string;
  runtime: string;
  architecture: 'arm64' | 'x86_64';
  memoryMb: number;
  timeoutSeconds: number;
  tracing: boolean;
  logRetentionDays: number;
  environment: Record<string, string>;
  access: FunctionAccess;
  /** Lambda's own asynchronous invocation settings (EventInvokeConfig). */
  async: AsyncSettings;
  /** What invokes it. */
  triggers: FunctionTrigger[];
}

export type FunctionTrigger =
  | { kind: 'route'; route: string; target: string }
  | { kind: 'queue'; queue: string; batchSize: number };

/**
 * What a function may touch. Each entry names the environment variable through which the CDK stack
 * passes the resource's physical name (e.g. TABLE_RESULTS), so handlers and the stack agree.
 */
export interface FunctionAccess {
  tables: { name: string; mode: AccessMode; env: string }[];
  buckets: { name: string; mode: AccessMode; env: string }[];
  /** Buses the function may put events on (the typed publisher reads the bus name from `env`). */
  publish: { bus: string; env: string }[];
}

export type AccessMode = 'read' | 'write' | 'readwrite';

export interface AsyncSettings {
  /** 0-2 */
  retries: number;
  /** 60-21600 */
  maxAgeSeconds: number;
  /** Where failed asynchronous invocations go, or null. */
  onFailure: { kind: 'queue'; queue: string } | { kind: 'topic'; topic: string } | { kind: 'bus'; bus: string } | null;
}

export interface Topic {
  name: string;
  id: string;
  subscriptions: { protocol: 'email' | 'sms' | 'https'; endpoint: string }[];
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}

export interface Queue {
  name: string;
  id: string;
  /** `inbox`: declared by a user; `dead-letter`: a generated DLQ for a route's targets. */
  purpose: 'inbox' | 'dead-letter';
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  retentionSeconds: number;
  /** Redrive of the queue's own consumer failures, or null. */
  redrive: { maxReceives: number } | null;
  consumer: { function: string; batchSize: number } | null;
  /** Routes whose rules may send to this queue (as a target or as a DLQ): its queue policy. */
  senders: string[];
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}

export interface LogGroup {
  name: string;
  id: string;
  /** CloudWatch Logs group name, e.g. "/aws/events/audit". */
  logGroupName: string;
  retentionDays: number;
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}

export type ConnectionAuth =
  | { kind: 'apiKey'; header: string; secret: string; field: string }
  | { kind: 'basic'; secret: string; usernameField: string; passwordField: string }
  | { kind: 'oauth'; tokenUrl: string; method: 'GET' | 'POST' | 'PUT'; secret: string; clientIdField: string; clientSecretField: string };

export interface ApiDestination {
  name: string;
  id: string;
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /** Invocations per second (1-300). */
  rateLimitPerSecond: number;
  auth: ConnectionAuth;
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}

export interface Table {
  name: string;
  id: string;
  partitionKey: { name: string; type: 'string' | 'number' | 'binary' };
  sortKey: { name: string; type: 'string' | 'number' | 'binary' } | null;
  ttlAttribute: string | null;
  /** Whether a stream + pipe puts its changes on a bus (a `dynamodb` source uses it). */
  stream: { bus: string; source: string; detailType: string } | null;
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}

export interface Bucket {
  name: string;
  id: string;
  versioned: boolean;
  /** Days after which objects expire, or null. */
  expireAfterDays: number | null;
  /** Whether S3 sends its events to EventBridge (a `s3` source uses it). */
  eventBridge: boolean;
  /** Route file that declared it (relative to the project root); null when generated. */
  file: string | null;
}
