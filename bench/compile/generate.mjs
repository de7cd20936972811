// Generates a synthetic project for the compile benchmark: N route files (default 500), each with two
// event types and three routes over a mix of target kinds, filters and tests. Deterministic; every
// schema is distinct (domain-specific fields), as in a real system.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Route files per bus at most: three routes each, under EventBridge's 300 rules per bus. */
const FILES_PER_BUS = 90;

export function generateProject(dir, { files = 500, buses = Math.max(8, Math.ceil(files / FILES_PER_BUS)) } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'routes'), { recursive: true });
  const busNames = Array.from({ length: buses }, (_, i) => `bus-${i}`);
  const platform = [
    'project: bench',
    'defaults:',
    '  alarms: { notify: ops }',
    'buses:',
    ...busNames.map((b) => `  ${b}: { archive: { retention: 7d } }`),
    'notifications:',
    '  ops: { email: [ops@example.com] }',
    'queues:',
    '  shared-inbox: {}',
    'logs:',
    '  audit: { retention: 30d }',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'routes/platform.yaml'), platform);
  for (let f = 0; f < files - 1; f++) writeFileSync(join(dir, `routes/domain-${String(f).padStart(3, '0')}.yaml`), domainFile(f, busNames[f % buses]));
  return dir;
}

function domainFile(f, bus) {
  const A = `Domain${f}Created`;
  const B = `Domain${f}Updated`;
  return `# synthetic domain ${f}
bus: ${bus}
source: com.bench.domain${f}
owner: team-${f % 20}

events:
  ${A}:
    detailType: Domain ${f} Created
    description: Entity ${f} was created.
    schema:
      type: object
      required: [id, amount, status, region]
      properties:
        id: { type: string, description: Identifier. }
        amount: { type: number, minimum: 0 }
        status: { type: string, enum: [new, active, closed] }
        region: { type: string, enum: [eu, us, ap] }
        tags: { type: array, items: { type: string } }
        owner: { type: object, properties: { id: { type: string }, email: { type: string } }, required: [id] }
        createdAt: { type: string, format: date-time }
        domain${f}Code: { type: string, description: Code of domain ${f}. }
    examples:
      - { id: e-${f}, amount: 12.5, status: new, region: eu, tags: [a], owner: { id: u-1 } }
  ${B}:
    detailType: Domain ${f} Updated
    schema:
      type: object
      required: [id, changes]
      properties:
        id: { type: string }
        changes: { type: array, items: { type: object, properties: { field: { type: string }, from: {}, to: {} }, required: [field] } }
        version: { type: integer, minimum: 1 }
        domain${f}Reason: { type: string, enum: [manual, automatic, import${f}] }
    examples:
      - { id: e-${f}, changes: [{ field: status, from: new, to: active }], version: 2 }

routes:
  d${f}-large:
    description: Large amounts of domain ${f}.
    on: ${A}
    filter:
      detail:
        amount: [{ numeric: [">=", ${100 + f}] }]
        region: [eu, us]
    targets:
      - lambda: domain${f}/handle-large
        access: { publish: [${bus}] }
      - notify: ops
    tests:
      - { event: { detail: { amount: ${1000 + f} } }, matches: true }
      - { event: { detail: { amount: 1 } }, matches: false }
  d${f}-updates:
    on: [${A}, ${B}]
    targets:
      - queue: shared-inbox
      - log: audit
  d${f}-closed:
    on: ${B}
    filter:
      detail:
        changes:
          to: [closed]
    targets:
      - lambda: domain${f}/on-closed
        retry: { attempts: 10, maxAge: 1h }
        input:
          paths: { id: $.detail.id, version: $.detail.version }
          template: '{"id": <id>, "version": <version>}'
    tests:
      - { event: { detail: { changes: [{ field: status, to: closed }] } }, matches: true }
`;
}
