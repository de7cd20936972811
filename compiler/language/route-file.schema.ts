// The route language, defined in one place. This JSON Schema (draft-07) is:
//   - published as generated/route-file.schema.json for editors (YAML language server),
//   - compiled by ajv (at build time, standalone) to check the shape of every route file,
//   - the source of compiler/language/route-file.types.ts (json-schema-to-typescript).
// Semantic rules that a schema cannot say well (references, uniqueness, AWS limits, "exactly one
// target kind") live in compiler/validate/. The reference for users is routes/README.md.
import { arrayOf, bool, int, mapOf, obj, ref, str, type Schema } from './schema-builders';

export const ROUTE_FILE_SCHEMA_ID = 'https://eventroutes.dev/schemas/route-file.schema.json';

const DURATION_PATTERN = '^[0-9]+ ?(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks|y|year|years)$';
const durationHint = 'a duration such as 90s, 15m, 2h, 14d or 1y (or a whole number of seconds)';

function duration(description: string): Schema {
  return {
    description: `${description} A duration: a number and a unit (s, m, h, d, w, y), e.g. \`2h\`, or seconds as a number.`,
    anyOf: [
      { type: 'string', pattern: DURATION_PATTERN, 'x-hint': durationHint },
      { type: 'integer', minimum: 0 },
    ],
  };
}

/** Names: route, resource and bus names (kebab-case or similar; they become AWS names and ids). */
const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const NAME_HINT = 'letters, digits, ".", "-" and "_", starting with a letter or digit (e.g. "large-order-alert")';
/** Event type names become TypeScript identifiers. */
const TYPE_NAME_PATTERN = '^[A-Z][A-Za-z0-9]*$';
const TYPE_NAME_HINT = 'PascalCase letters and digits, starting with a capital letter (e.g. "OrderPlaced")';
/** Handler paths under handlers/, without extension. */
const HANDLER_PATTERN = '^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$';
const HANDLER_HINT = 'a path under handlers/ without extension, in lower-case kebab-case segments (e.g. "orders/score-fraud")';

const retry = obj(
  'Retry policy of the rule target: EventBridge retries delivery with exponential backoff until either limit is reached.',
  {
    attempts: int('Maximum retry attempts (0-185). AWS default: 185.', { minimum: 0 }),
    maxAge: duration('Maximum age of an event before EventBridge stops retrying (60s to 24h). AWS default: 24h.'),
  },
);

const deadLetter = {
  description:
    'Dead-letter queue for events the target could not receive after its retries: `true` (a queue made for the route, the default), `false` (events are dropped after retries; not recommended), or the name of a standard queue under `queues:`.',
  anyOf: [{ type: 'boolean' }, { type: 'string', pattern: NAME_PATTERN, 'x-hint': NAME_HINT }],
};

const input = obj(
  'What the target receives instead of the whole event: an input transformer (`paths` + `template`), a constant JSON value (`constant`), or a part of the event (`path`).',
  {
    paths: {
      type: 'object',
      description: 'Input transformer variables: name -> JSON path into the event (e.g. `$.detail.orderId`). At most 100.',
      additionalProperties: { type: 'string', description: 'A JSON path into the event, e.g. `$.detail.orderId`.' },
    },
    template: str('Input transformer template; `<name>` inserts a variable. At most 8,192 characters.'),
    constant: { description: 'A constant JSON value sent to the target instead of the event.' },
    path: str('A JSON path: the part of the event sent to the target, e.g. `$.detail`.'),
  },
);

const access = obj('What the function may touch: least-privilege IAM and environment variables for each resource.', {
  tables: {
    type: 'object',
    description: 'Tables (under `tables:`) and the access mode: read, write or readwrite.',
    additionalProperties: { enum: ['read', 'write', 'readwrite'] },
  },
  buckets: {
    type: 'object',
    description: 'Buckets (under `buckets:`) and the access mode: read, write or readwrite.',
    additionalProperties: { enum: ['read', 'write', 'readwrite'] },
  },
  publish: arrayOf(str('A bus name.'), 'Buses the function may put events on (its typed publisher uses them).'),
});

const lambdaOptions: Record<string, Schema> = {
  memory: int('Lambda memory in MB (128-10240).', { minimum: 128, maximum: 10240 }),
  timeout: duration('Lambda timeout (1s to 15m).'),
  environment: {
    type: 'object',
    description: 'Extra environment variables of the function (never secrets: use a secret reference and read it at runtime).',
    additionalProperties: { type: 'string' },
  },
  access,
  async: obj("Lambda's own asynchronous invocation settings: retries of errors inside the function and where failed events go.", {
    retries: int('Retries after the function returns an error (0-2). AWS default: 2.', { minimum: 0, maximum: 2 }),
    maxAge: duration('Maximum age of an event in the asynchronous queue (60s to 6h). AWS default: 6h.'),
    onFailure: {
      description:
        'Where events go when the function fails after its retries: `dead-letter` (the route\'s dead-letter queue, the default), `none`, or `{ queue: name }`, `{ topic: name }`, `{ bus: name }`.',
      anyOf: [
        { enum: ['dead-letter', 'none'] },
        obj('A destination', {
          queue: str('A standard queue under `queues:`.'),
          topic: str('A topic under `notifications:`.'),
          bus: str('A bus of this project.'),
        }),
      ],
    },
  }),
};

const target = {
  type: 'object',
  description:
    'A target of the route. Give exactly one kind: `lambda`, `notify`, `email`, `queue`, `stateMachine`, `bus`, `apiDestination` or `log`.',
  additionalProperties: false,
  properties: {
    lambda: str('A Lambda function: handler path under handlers/ without extension, e.g. `orders/score-fraud`.', {
      pattern: HANDLER_PATTERN,
      'x-hint': HANDLER_HINT,
    }),
    notify: str('An SNS notification topic declared under `notifications:`.'),
    email: obj(
      'An email sent with Amazon SES, rendered from Handlebars templates over the event (`{{detail.orderId}}`).',
      {
        from: str('Sender address; its SES identity (the address or its domain) must be verified.'),
        identity: str('The verified SES identity the sender uses (an address or a domain). Default: the domain of `from`.'),
        to: arrayOf(str('An email address.'), 'Recipients.', { minItems: 1 }),
        cc: arrayOf(str('An email address.'), 'Copy recipients.'),
        subject: str('Subject template (Handlebars over the event).'),
        body: str('Plain-text body template (Handlebars over the event).'),
      },
      ['from', 'to', 'subject', 'body'],
    ),
    queue: str('An SQS queue declared under `queues:`.'),
    messageGroupId: str('For a FIFO queue: the message group id (a fixed value, 1-128 characters); EventBridge rules send one group per target.'),
    stateMachine: str('A Step Functions state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME).'),
    bus: str('Another event bus: the name of a bus of this project, or a bus ARN (another region or account).'),
    apiDestination: str('An HTTP endpoint declared under `apiDestinations:`.'),
    log: str('A CloudWatch Logs group declared under `logs:` (an audit log).'),
    id: str('EventBridge target id (1-64 of letters, digits, ".", "-", "_"). Default: derived from the kind and name.'),
    retry,
    deadLetter,
    input,
    ...lambdaOptions,
  },
  dependencies: {
    memory: ['lambda'],
    timeout: ['lambda'],
    environment: ['lambda'],
    access: ['lambda'],
    async: ['lambda'],
    messageGroupId: ['queue'],
  },
};

const routeTest = obj(
  'A sample event that must (or must not) match the filter. Partial events are completed from the event type\'s first example and a default envelope.',
  {
    name: str('What the test shows.'),
    type: str('Which of the route\'s event types the sample is (default: the first of `on`).'),
    event: { type: 'object', description: 'The sample event (envelope fields and `detail`; missing parts are filled in).' },
    complete: bool('Fill in missing `detail` fields from the event type\'s first example (default true). Set false to test missing fields.'),
    matches: bool('Whether the event must match the route.'),
  },
  ['event', 'matches'],
);

const route = obj(
  'A rule on the bus: which events (`on` + `filter`) go to which targets.',
  {
    description: str('What the route is for (the rule description, at most 512 characters).'),
    on: {
      description: 'The event type(s) the route listens to; their source and detail-type are added to the pattern.',
      anyOf: [
        { type: 'string', pattern: TYPE_NAME_PATTERN, 'x-hint': TYPE_NAME_HINT },
        { type: 'array', items: { type: 'string', pattern: TYPE_NAME_PATTERN, 'x-hint': TYPE_NAME_HINT }, minItems: 1 },
      ],
    },
    filter: { type: 'object', description: 'An EventBridge event pattern, checked against the event type schemas (e.g. `detail: { total: [{ numeric: [">=", 1000] }] }`).' },
    enabled: bool('Whether the rule is enabled (default true).'),
    deadLetter,
    retry,
    targets: arrayOf(target, 'Where matching events go: 1 to 5 targets.', { minItems: 1 }),
    tests: arrayOf(routeTest, 'Sample events checked offline at every compile.'),
  },
  ['on', 'targets'],
);

const eventType = obj(
  'A custom event type that your applications publish.',
  {
    detailType: str('The `detail-type` of the event (at most 128 characters), e.g. "Order Placed".'),
    source: str('The `source` of the event (reverse-DNS, not starting with "aws."). Default: the file\'s `source`.'),
    bus: str('The bus the event is published on. Default: the file\'s `bus`.'),
    description: str('What the event means (becomes a doc comment in the generated types).'),
    owner: str('The team that owns the event. Default: the file\'s `owner`.'),
    schema: {
      type: 'object',
      description: 'JSON Schema (draft-07) of `detail`, inline, or `{ $ref: ./schemas/file.json }` relative to the route file.',
    },
    examples: arrayOf({ type: 'object' }, 'Example `detail` values (checked against the schema; used by tests and stubs).'),
    api: obj(
      'Also accept this event over HTTP: an API Gateway endpoint validates the JSON body against the schema and puts it on the bus.',
      {
        path: str('Resource path, e.g. `/activity`.', { pattern: '^/[A-Za-z0-9._~/{}-]*$' }),
        method: { enum: ['POST', 'PUT'], description: 'HTTP method (default POST).' },
      },
      ['path'],
    ),
  },
  ['detailType', 'schema'],
);

const S3_EVENTS = [
  'Object Created',
  'Object Deleted',
  'Object Restore Initiated',
  'Object Restore Completed',
  'Object Restore Expired',
  'Object Tags Added',
  'Object Tags Deleted',
  'Object ACL Updated',
  'Object Storage Class Changed',
  'Object Access Tier Changed',
];

const source = obj(
  'An event type produced by an AWS service. Give exactly one kind: `s3`, `dynamodb`, `ec2`, `cloudtrail` or `schedule`.',
  {
    description: str('What the events mean here.'),
    owner: str('The team that owns the source.'),
    s3: obj(
      'Amazon S3 events from a bucket declared under `buckets:` (delivered to the default bus).',
      {
        bucket: str('A bucket under `buckets:`.'),
        event: { enum: S3_EVENTS, description: 'The S3 event (detail-type), e.g. "Object Created".' },
      },
      ['bucket', 'event'],
    ),
    dynamodb: obj(
      'Changes of a table declared under `tables:`, put on a bus by an EventBridge pipe from the table stream.',
      {
        table: str('A table under `tables:`.'),
        bus: str("The bus the changes are put on. Default: the file's `bus`."),
        source: str("The `source` of the change events. Default: the file's `source`."),
        detailType: str('The `detail-type` of the change events. Default: "<table> table change".'),
      },
      ['table'],
    ),
    ec2: obj('EC2 instance state-change notifications (default bus).', {}),
    cloudtrail: obj(
      'AWS API calls recorded by CloudTrail for one service (default bus; needs a trail with management events).',
      { service: str('The service, e.g. `iam`, `s3`, `ec2` (source `aws.<service>`).', { pattern: '^[a-z0-9-]+$' }) },
      ['service'],
    ),
    schedule: {
      description: 'A schedule (default bus): `rate(1 hour)`, `cron(0 8 * * ? *)`, or `{ rate: 1 hour }` / `{ cron: "0 8 * * ? *" }`.',
      anyOf: [
        { type: 'string' },
        obj('A schedule', { rate: str('e.g. `5 minutes`, `1 hour`, `1 day`.'), cron: str('Six fields: minutes hours day-of-month month day-of-week year.') }),
      ],
    },
  },
);

const notification = obj(
  'An SNS topic and its subscriptions (real-time notifications, alarm actions).',
  {
    description: str('What the topic is for.'),
    email: arrayOf(str('An email address.'), 'Email subscriptions (each must confirm).'),
    sms: arrayOf(str('A phone number in E.164 form, e.g. +15555550100.'), 'SMS subscriptions.'),
    https: arrayOf(str('An https:// URL.'), 'HTTPS subscriptions.'),
  },
);

const queue = obj('An SQS queue: a service\'s inbox, or a dead-letter queue.', {
  description: str('What the queue is for.'),
  fifo: bool('A FIFO queue (cannot be a dead-letter queue of a rule).'),
  visibilityTimeout: duration('Visibility timeout (default 30s; at least the consumer timeout).'),
  retention: duration('Message retention (60s to 14d; default 4d).'),
  maxReceives: int('Receives before a message moves to the queue\'s own dead-letter queue (default 5).', { minimum: 1, maximum: 1000 }),
  consumer: {
    description: 'A Lambda function that consumes the queue: a handler path, or `{ handler, batchSize }`.',
    anyOf: [
      { type: 'string', pattern: HANDLER_PATTERN, 'x-hint': HANDLER_HINT },
      obj(
        'A queue consumer',
        {
          handler: str('Handler path under handlers/.', { pattern: HANDLER_PATTERN, 'x-hint': HANDLER_HINT }),
          batchSize: int('Messages per invocation (1-10000; default 10).', { minimum: 1, maximum: 10000 }),
          ...lambdaOptions,
        },
        ['handler'],
      ),
    ],
  },
});

const secretRef = str('A Secrets Manager secret name or ARN (never the secret itself).');

const apiDestination = obj(
  'An HTTP endpoint outside AWS (a partner webhook, a SaaS API), called by EventBridge with a rate limit.',
  {
    description: str('What the endpoint is.'),
    url: str('The https:// endpoint (`*` path parameters allowed).'),
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'], description: 'HTTP method (default POST).' },
    rateLimit: int('Invocations per second (1-300; default 10).', { minimum: 1, maximum: 300 }),
    auth: obj(
      'Connection authorization, by secret reference. Give exactly one of `apiKey`, `basic`, `oauth`.',
      {
        apiKey: obj('An API key header', { header: str('Header name, e.g. x-api-key.'), secret: secretRef, field: str('JSON field of the secret (default "apiKey").') }, ['header', 'secret']),
        basic: obj('HTTP basic auth', { secret: secretRef, usernameField: str('Default "username".'), passwordField: str('Default "password".') }, ['secret']),
        oauth: obj(
          'OAuth client credentials',
          {
            tokenUrl: str('The authorization endpoint (https://).'),
            method: { enum: ['GET', 'POST', 'PUT'], description: 'Default POST.' },
            secret: secretRef,
            clientIdField: str('Default "clientId".'),
            clientSecretField: str('Default "clientSecret".'),
          },
          ['tokenUrl', 'secret'],
        ),
      },
    ),
  },
  ['url', 'auth'],
);

const keyAttr = {
  description: 'A key attribute: `name` (a string key) or `{ name, type: string | number | binary }`.',
  anyOf: [{ type: 'string' }, obj('A key attribute', { name: str('Attribute name.'), type: { enum: ['string', 'number', 'binary'] } }, ['name'])],
};

const table = obj(
  'A DynamoDB table (on-demand, encrypted, point-in-time recovery).',
  { description: str('What the table holds.'), partitionKey: keyAttr, sortKey: keyAttr, ttl: str('Attribute holding the expiry time (epoch seconds).') },
  ['partitionKey'],
);

const bucket = obj('An S3 bucket (encrypted, public access blocked, TLS enforced).', {
  description: str('What the bucket holds.'),
  versioned: bool('Keep object versions (default false).'),
  expireAfter: duration('Delete objects after this long (whole days).'),
});

const logGroup = obj('A CloudWatch Logs group receiving events (an audit log).', {
  description: str('What is logged.'),
  retention: {
    description: 'How long logs are kept: a duration in days that CloudWatch allows (1d, 3d, 5d, 1w, 14d, 30d, 60d, 90d, ... 10y) or `forever`.',
    anyOf: [{ type: 'string' }, { type: 'integer' }],
  },
});

const bus = obj('An event bus. `default` is the account\'s default bus (AWS service events); any other name is a custom bus.', {
  description: str('What the bus carries.'),
  archive: {
    description: 'Archive the bus\'s events for replay: `true` (kept forever), `false`, or `{ retention: 30d }`.',
    anyOf: [{ type: 'boolean' }, obj('An archive', { retention: { description: 'Retention: a duration in days, or `forever`.', anyOf: [{ type: 'string' }, { type: 'integer' }] } })],
  },
  schemaDiscovery: bool('Turn on schema discovery: EventBridge infers schemas of the events on the bus into the registry.'),
  allowAccounts: arrayOf(str('A 12-digit AWS account id.', { pattern: '^[0-9]{12}$', 'x-hint': 'a 12-digit AWS account id' }), 'Other accounts allowed to put events on this bus (cross-account).'),
});

const defaults = obj('Project-wide defaults. At most one route file may set them.', {
  retry,
  deadLetter: bool('Whether targets get a dead-letter queue unless they say otherwise (default true).'),
  alarms: {
    description: 'Alarms on every DLQ, rule and function: `{ notify: <topic> }` sends them to a topic under `notifications:`; `false` turns alarms off.',
    anyOf: [{ type: 'boolean' }, obj('Alarm settings', { notify: str('A topic under `notifications:`.') })],
  },
  logRetention: {
    description: 'Retention of function and audit log groups (default 30d): a CloudWatch-allowed number of days, or `forever`.',
    anyOf: [{ type: 'string' }, { type: 'integer' }],
  },
  lambda: obj('Defaults of every function.', {
    runtime: { enum: ['nodejs22.x', 'nodejs24.x'], description: 'Node.js runtime (default nodejs22.x).' },
    architecture: { enum: ['arm64', 'x86_64'], description: 'Default arm64.' },
    memory: int('Memory in MB (default 256).', { minimum: 128, maximum: 10240 }),
    timeout: duration('Timeout (default 30s).'),
    tracing: bool('AWS X-Ray active tracing (default false).'),
  }),
});

export const routeFileSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: ROUTE_FILE_SCHEMA_ID,
  title: 'eventroutes route file',
  description: 'One file per team or domain under routes/: its events, sources, routes and the resources they use.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: str('The JSON Schema of this file (for editors).'),
    project: str('Project name (stack name prefix). At most one file sets it.', { pattern: '^[A-Za-z][A-Za-z0-9-]*$', 'x-hint': 'letters, digits and "-", starting with a letter' }),
    bus: str('The bus of this file\'s events and routes unless they say otherwise (default: `default`).'),
    source: str('The source of this file\'s custom events, reverse-DNS (e.g. `com.acme.orders`).'),
    owner: str('The team owning this file\'s events.'),
    defaults: ref('defaults'),
    buses: mapOf('Event buses.', NAME_PATTERN, NAME_HINT, ref('bus')),
    events: mapOf('Custom event types, by PascalCase name.', TYPE_NAME_PATTERN, TYPE_NAME_HINT, ref('eventType')),
    sources: mapOf('AWS service event types, by PascalCase name.', TYPE_NAME_PATTERN, TYPE_NAME_HINT, ref('source')),
    routes: mapOf('Routes (rules), by name.', NAME_PATTERN, NAME_HINT, ref('route')),
    notifications: mapOf('SNS topics, by name.', NAME_PATTERN, NAME_HINT, ref('notification')),
    queues: mapOf('SQS queues, by name.', NAME_PATTERN, NAME_HINT, ref('queue')),
    logs: mapOf('CloudWatch Logs groups, by name.', NAME_PATTERN, NAME_HINT, ref('logGroup')),
    apiDestinations: mapOf('HTTP endpoints, by name.', NAME_PATTERN, NAME_HINT, ref('apiDestination')),
    tables: mapOf('DynamoDB tables, by name.', NAME_PATTERN, NAME_HINT, ref('table')),
    buckets: mapOf('S3 buckets, by name.', NAME_PATTERN, NAME_HINT, ref('bucket')),
  },
  definitions: {
    defaults,
    bus,
    eventType,
    source,
    route,
    target,
    routeTest,
    notification,
    queue,
    logGroup,
    apiDestination,
    table,
    bucket,
  },
};
