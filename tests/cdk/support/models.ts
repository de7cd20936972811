// Small route models for focused CDK tests, built with the model types. The builder keeps the model's
// invariants the way compiler/model/ does: a dead-letter queue per route listing its senders, inbox
// queues listing the routes that send to them, one function per handler with its triggers.
import type {
  ApiDestination,
  Bucket,
  Bus,
  EventType,
  LambdaFunction,
  LogGroup,
  Queue,
  Route,
  RouteModel,
  Table,
  Target,
  Topic,
  Trigger,
} from '../../../compiler/model/types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A target as a test writes it: id, retry, dead-letter queue and input are filled in. */
export type TargetSpec = DistributiveOmit<Target, 'id' | 'retry' | 'deadLetterQueue' | 'input'> & Partial<Pick<Target, 'id' | 'retry' | 'input'>> & { deadLetter?: boolean };

export interface RouteSpec {
  bus?: string;
  file?: string;
  eventTypes?: string[];
  trigger?: Trigger;
  targets: TargetSpec[];
  enabled?: boolean;
  deadLetter?: boolean;
}

const constructId = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');

function seedOf(t: TargetSpec): string {
  switch (t.kind) {
    case 'lambda':
      return `lambda-${t.function}`;
    case 'sns':
      return `sns-${t.topic}`;
    case 'email':
      return `email-${t.to[0]}`;
    case 'sqs':
      return `sqs-${t.queue}`;
    case 'stepFunctions':
      return `sfn-${t.stateMachineArn.split(':').pop()}`;
    case 'bus':
      return `bus-${t.bus ?? t.account}`;
    case 'apiDestination':
      return `api-${t.destination}`;
    case 'logs':
      return `log-${t.logGroup}`;
  }
}

/** A valid EventBridge target id from a readable seed, as compiler/model/ids.ts makes them. */
const targetId = (seed: string): string => seed.replace(/[^.\-_A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);

export class ModelBuilder {
  private readonly model: RouteModel;

  constructor(project = 'test-shop') {
    this.model = {
      version: 1,
      project,
      defaults: {
        retry: { attempts: 24, maxAgeSeconds: 21600 },
        deadLetter: true,
        alarms: { topic: 'ops', enabled: true },
        logRetentionDays: 30,
        lambda: { runtime: 'nodejs22.x', architecture: 'arm64', memoryMb: 256, timeoutSeconds: 30, tracing: false },
      },
      buses: [{ name: 'default', id: 'Default', kind: 'default', description: 'AWS events', archive: null, schemaDiscovery: false, allowAccounts: [], eventTypes: [], file: null }],
      eventTypes: [],
      routes: [],
      functions: [],
      topics: [{ name: 'ops', id: 'Ops', subscriptions: [{ protocol: 'email', endpoint: 'ops@example.com' }], file: 'routes/platform.yaml' }],
      queues: [],
      logGroups: [],
      apiDestinations: [],
      tables: [],
      buckets: [],
    };
  }

  defaults(change: (d: RouteModel['defaults']) => void): this {
    change(this.model.defaults);
    return this;
  }

  bus(name: string, options: Partial<Omit<Bus, 'name' | 'id' | 'kind'>> = {}): this {
    this.model.buses.push({ name, id: constructId(name), kind: 'custom', description: `bus ${name}`, archive: null, schemaDiscovery: false, allowAccounts: [], eventTypes: [], file: 'routes/platform.yaml', ...options });
    return this;
  }

  eventType(name: string, options: Partial<Omit<EventType, 'name'>> = {}): this {
    const eventType: EventType = {
      name,
      producer: { kind: 'custom' },
      source: 'com.example.test',
      detailType: name,
      bus: 'default',
      description: `${name} events`,
      owner: 'team-test',
      detailSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      examples: [{ id: 'x-1' }],
      publishable: true,
      file: 'routes/test.yaml',
      ...options,
    };
    this.model.eventTypes.push(eventType);
    this.model.buses.find((b) => b.name === eventType.bus)?.eventTypes.push(name);
    return this;
  }

  topic(name: string, subscriptions: Topic['subscriptions'] = []): this {
    this.model.topics.push({ name, id: constructId(name), subscriptions, file: 'routes/test.yaml' });
    return this;
  }

  queue(name: string, options: Partial<Omit<Queue, 'name' | 'id' | 'purpose'>> = {}): this {
    this.model.queues.push({ name, id: constructId(name), purpose: 'inbox', fifo: false, visibilityTimeoutSeconds: 180, retentionSeconds: 345600, redrive: { maxReceives: 5 }, consumer: null, senders: [], file: 'routes/test.yaml', ...options });
    return this;
  }

  /** A queue consumed by a function (created here with a queue trigger). */
  consumer(queue: string, fn: string, batchSize = 10): this {
    const q = this.model.queues.find((x) => x.name === queue)!;
    q.consumer = { function: fn, batchSize };
    this.ensureFunction(fn).triggers.push({ kind: 'queue', queue, batchSize });
    return this;
  }

  logGroup(name: string, retentionDays = 365): this {
    this.model.logGroups.push({ name, id: constructId(name), logGroupName: `/aws/events/${this.model.project}/${name}`, retentionDays, file: 'routes/test.yaml' } satisfies LogGroup);
    return this;
  }

  table(name: string, options: Partial<Omit<Table, 'name' | 'id'>> = {}): this {
    this.model.tables.push({ name, id: constructId(name), partitionKey: { name: 'id', type: 'string' }, sortKey: null, ttlAttribute: null, stream: null, file: 'routes/test.yaml', ...options });
    return this;
  }

  bucket(name: string, options: Partial<Omit<Bucket, 'name' | 'id'>> = {}): this {
    this.model.buckets.push({ name, id: constructId(name), versioned: false, expireAfterDays: null, eventBridge: false, file: 'routes/test.yaml', ...options });
    return this;
  }

  apiDestination(name: string, options: Partial<Omit<ApiDestination, 'name' | 'id'>> = {}): this {
    this.model.apiDestinations.push({ name, id: constructId(name), url: 'https://api.example.com/hook', method: 'POST', rateLimitPerSecond: 10, auth: { kind: 'apiKey', header: 'x-api-key', secret: 'test/api-key', field: 'apiKey' }, file: 'routes/test.yaml', ...options });
    return this;
  }

  function(name: string, change: (fn: LambdaFunction) => void): this {
    change(this.ensureFunction(name));
    return this;
  }

  route(name: string, spec: RouteSpec): this {
    const bus = spec.bus ?? 'default';
    const dlqName = `dead-letter:${name}`;
    const routeDeadLetter = spec.deadLetter ?? this.model.defaults.deadLetter;
    const targets: Target[] = spec.targets.map((t) => {
      const { deadLetter, ...rest } = t;
      const useDlq = deadLetter ?? routeDeadLetter;
      return { ...rest, id: t.id ?? targetId(seedOf(t)), retry: t.retry ?? { ...this.model.defaults.retry }, deadLetterQueue: useDlq ? dlqName : null, input: t.input ?? null } as Target;
    });
    const route: Route = {
      name,
      id: constructId(name),
      description: `route ${name}`,
      bus,
      eventTypes: spec.eventTypes ?? [],
      enabled: spec.enabled ?? true,
      trigger: spec.trigger ?? { kind: 'pattern', pattern: { source: ['com.example.test'], 'detail-type': [name] }, bindings: [] },
      filter: null,
      targets,
      tests: [],
      deadLetterQueue: targets.some((t) => t.deadLetterQueue) ? dlqName : null,
      file: spec.file ?? 'routes/test.yaml',
    };
    this.model.routes.push(route);
    if (route.deadLetterQueue) {
      this.model.queues.push({ name: dlqName, id: `DLQ.${route.id}`, purpose: 'dead-letter', fifo: false, visibilityTimeoutSeconds: 30, retentionSeconds: 1_209_600, redrive: null, consumer: null, senders: [name], file: null });
    }
    for (const t of targets) {
      if (t.kind === 'sqs') this.model.queues.find((q) => q.name === t.queue)!.senders.push(name);
      if (t.kind === 'lambda') {
        const fn = this.ensureFunction(t.function);
        fn.triggers.push({ kind: 'route', route: name, target: t.id });
        if (route.deadLetterQueue && fn.async.onFailure === null) fn.async.onFailure = { kind: 'queue', queue: route.deadLetterQueue };
      }
    }
    return this;
  }

  build(): RouteModel {
    const byName = <T extends { name: string }>(list: T[]): T[] => list.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const key of ['buses', 'eventTypes', 'routes', 'functions', 'topics', 'queues', 'logGroups', 'apiDestinations', 'tables', 'buckets'] as const) byName(this.model[key] as { name: string }[]);
    return structuredClone(this.model);
  }

  private ensureFunction(name: string): LambdaFunction {
    let fn = this.model.functions.find((f) => f.name === name);
    if (!fn) {
      const d = this.model.defaults.lambda;
      fn = {
        name,
        id: constructId(name),
        entry: `handlers/${name}.ts`,
        runtime: d.runtime,
        architecture: d.architecture,
        memoryMb: d.memoryMb,
        timeoutSeconds: d.timeoutSeconds,
        tracing: d.tracing,
        logRetentionDays: this.model.defaults.logRetentionDays,
        environment: {},
        access: { tables: [], buckets: [], publish: [] },
        async: { retries: 2, maxAgeSeconds: 21600, onFailure: null },
        triggers: [],
      };
      this.model.functions.push(fn);
    }
    return fn;
  }
}
