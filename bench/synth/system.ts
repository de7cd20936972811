// The synthetic system of the synth benchmark, written against the route-file types: a platform file
// (buses, defaults, shared topics, queue, log group, API destination) and D domain files of R routes
// each, over a realistic mix of target kinds (7 in 10 routes invoke their own Lambda function).
// Deterministic: the same options give the same files.
import type { RouteFile, Route, Target } from '../../compiler/language/route-file.types';

export interface BenchOptions {
  routes: number;
  domains: number;
  buses: number;
}

export interface BenchSystem {
  /** Route files by path relative to the project root. */
  files: Record<string, RouteFile>;
  /** Handler sources by path relative to the project root. */
  handlers: Record<string, string>;
}

const handlerSource = (service: string): string =>
  [
    "import { Logger } from '@aws-lambda-powertools/logger';",
    '',
    `const logger = new Logger({ serviceName: '${service}' });`,
    '',
    "export const handler = async (event: { id: string; 'detail-type': string; detail: Record<string, unknown> }): Promise<void> => {",
    "  logger.info('handled', { id: event.id, type: event['detail-type'], keys: Object.keys(event.detail) });",
    '};',
    '',
  ].join('\n');

function platformFile(options: BenchOptions): RouteFile {
  const buses: NonNullable<RouteFile['buses']> = {};
  for (let b = 0; b < options.buses; b++) {
    buses[`bus-${b}`] = { description: `Bench bus ${b}`, archive: b % 2 === 0 ? { retention: '30d' } : undefined, schemaDiscovery: b === 0, allowAccounts: b === 1 ? ['222233334444'] : undefined };
  }
  return {
    project: 'bench-shop',
    defaults: { alarms: { notify: 'ops' }, logRetention: '30d', lambda: { runtime: 'nodejs22.x', architecture: 'arm64', memory: 256, timeout: '30s' } },
    buses,
    notifications: { ops: { email: ['ops@bench.example'] }, alerts: { email: ['alerts@bench.example'] } },
    queues: { 'shared-inbox': { visibilityTimeout: '3m', consumer: { handler: 'platform/consume-inbox', batchSize: 10 } } },
    logs: { audit: { retention: '90d' } },
    apiDestinations: { partner: { url: 'https://partner.bench.example/events', method: 'POST', rateLimit: 50, auth: { apiKey: { header: 'x-api-key', secret: 'bench/partner-key' } } } },
  };
}

function domainFile(d: number, count: number, options: BenchOptions, handlers: Record<string, string>): RouteFile {
  const bus = `bus-${d % options.buses}`;
  const events = [`Domain${d}Created`, `Domain${d}Updated`, `Domain${d}Closed`];
  const file: RouteFile = {
    bus,
    source: `com.bench.domain${d}`,
    owner: `team-${d}`,
    events: Object.fromEntries(
      events.map((name, i) => [
        name,
        {
          detailType: `Domain ${d} ${['Created', 'Updated', 'Closed'][i]}`,
          schema: { type: 'object', required: ['id', 'amount', 'region'], properties: { id: { type: 'string' }, amount: { type: 'number', minimum: 0 }, region: { type: 'string', enum: ['eu', 'us', 'ap'] } } },
          examples: [{ id: `e-${d}`, amount: 10, region: 'eu' }],
        },
      ]),
    ),
    routes: {},
  };
  for (let i = 0; i < count; i++) {
    const name = `d${d}-route-${String(i).padStart(3, '0')}`;
    const kind = i % 10;
    let targets: Target[];
    if (kind < 7) {
      const handler = `domain${d}/handle-${String(i).padStart(3, '0')}`;
      handlers[`handlers/${handler}.ts`] = handlerSource(`domain${d}`);
      targets = [{ lambda: handler, ...(kind === 0 ? { access: { publish: [bus] } } : {}) }];
    } else if (kind === 7) targets = [{ notify: 'alerts' }, { log: 'audit' }];
    else if (kind === 8) targets = [{ queue: 'shared-inbox' }];
    else {
      const variant = Math.floor(i / 10) % 4;
      targets = [
        [{ bus: `bus-${(d + 1) % options.buses}` }],
        [{ stateMachine: `arn:aws:states:eu-west-1:123456789012:stateMachine:domain${d}-flow` }],
        [{ apiDestination: 'partner', input: { paths: { id: '$.detail.id' }, template: '{"id": <id>}' } }],
        [{ email: { from: 'shop@bench.example', to: ['team@bench.example'], subject: 'Event {{detail.id}}', body: 'Amount {{detail.amount}} in {{detail.region}}.' } }],
      ][variant] as Target[];
      if (variant === 0 && (d + 1) % options.buses === d % options.buses) targets = [{ notify: 'alerts' }];
    }
    const route: Route = {
      description: `Bench route ${i} of domain ${d}.`,
      on: events[i % 3],
      ...(i % 2 === 0
        ? {
            filter: { detail: { amount: [{ numeric: ['>=', i] }], region: ['eu', 'us'] } },
            tests: [
              { name: 'a large amount in eu', event: { detail: { amount: i + 5, region: 'eu' } }, matches: true },
              { name: 'another region', event: { detail: { amount: i + 5, region: 'ap' } }, matches: false },
            ],
          }
        : {}),
      targets: targets as Route['targets'],
    };
    file.routes![name] = route;
  }
  return file;
}

export function benchSystem(options: BenchOptions): BenchSystem {
  const handlers: Record<string, string> = { 'handlers/platform/consume-inbox.ts': handlerSource('platform') };
  const files: Record<string, RouteFile> = { 'routes/platform.yaml': platformFile(options) };
  const perDomain = Math.ceil(options.routes / options.domains);
  let left = options.routes;
  for (let d = 0; d < options.domains && left > 0; d++) {
    const count = Math.min(perDomain, left);
    files[`routes/domain-${String(d).padStart(2, '0')}.yaml`] = domainFile(d, count, options, handlers);
    left -= count;
  }
  return { files, handlers };
}
