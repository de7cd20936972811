// Random valid projects for property tests: every section, target kind and option of the route
// language, combined at random from a seed (tests/cli/random-projects.test.ts). Each project is valid
// by construction: compile must report no error, and the system must synthesize. (A run of 600 of
// them, with synth and tsc, found that synthesis without cdk.json failed for buckets.)
import { seededInts } from './random';
const RUNTIMES = ['nodejs22.x'];

/** Filters on a field, by the field's kind (each one can match the field's values). */
const FILTERS: Record<string, string[]> = {
  string: ['[{ prefix: "20" }]', '[{ suffix: Z }]', '[{ wildcard: "2026-*" }]', '[{ equals-ignore-case: X }]', '[{ exists: true }]', '[{ anything-but: { prefix: "19" } }]'],
  number: ['[{ numeric: [">", 0, "<=", 100] }]', '[1, 2.5]'],
  integer: ['[{ numeric: [">=", 1] }]', '[3]', '[{ anything-but: [0] }]'],
  boolean: ['[true]', '[false]'],
  enum: ['[a, b]', '[{ anything-but: c }]', '[{ prefix: a }]'],
  array: ['[x]', '[{ exists: true }]'],
  object: ['{ inner: [i] }', '{ n: [{ numeric: ["<", 5] }] }'],
  enumDdb: ['[INSERT, MODIFY]'],
  enumEc2: ['[stopped, terminated]', '[{ anything-but: running }]'],
};

/** The second branch of an `$or`, by the field's kind. */
const OR_FILTERS: Record<string, string[]> = {
  string: ['[{ exists: true }]'],
  number: ['[{ numeric: [">", 1] }]'],
  integer: ['[1]'],
  boolean: ['[true]'],
  enum: ['[b]'],
  array: ['[x]'],
  object: ['{ inner: [z] }'],
  enumDdb: ['[REMOVE]'],
  enumEc2: ['[running]'],
};

interface TypeInfo {
  name: string;
  bus: string;
  fields?: Record<string, string>;
  schedule?: boolean;
}

/** The files of a random valid project (path -> text). */
export function randomProject(seed: number): Record<string, string> {
  const rnd = seededInts(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
  const chance = (p: number): boolean => rnd(1000) < p * 1000;
    const y = (v: unknown): string => JSON.stringify(v);
  const files: Record<string, string> = {};
  const project = pick(['shop', 'acme-x', 'p1', 'data-plat']);
  const buses = ['commerce', 'analytics', 'ops-bus', 'partner.in'].slice(0, 1 + rnd(4));
  const topics = ['ops-alerts', 'sales', 'sec'].slice(0, 1 + rnd(3));
  const queues = [{ name: 'inbox', fifo: false }, { name: 'orders.fifo', fifo: true }, { name: 'spare', fifo: false }].slice(0, 1 + rnd(3));
  const logs = ['audit', 'trail'].slice(0, 1 + rnd(2));
  const apis = ['erp', 'crm'].slice(0, rnd(3));
  const tables = ['orders', 'results'].slice(0, rnd(3));
  const bucketsList = ['raw', 'exports'].slice(0, rnd(3));
  const stdQueues = queues.filter((q) => !q.fifo).map((q) => q.name);
  let p = `project: ${project}\n`;
  if (chance(0.8)) {
    p += `defaults:\n  deadLetter: ${pick(['true', 'false'])}\n`;
    if (chance(0.6)) p += `  retry: { attempts: ${rnd(186)}, maxAge: ${pick(['60s', '2h', '24h', '90m'])} }\n`;
    if (chance(0.6)) p += `  alarms: { notify: ${topics[0]} }\n`;
    if (chance(0.5)) p += `  logRetention: ${pick(['30d', '1y', '7d', 'forever'])}\n`;
    if (chance(0.6)) p += `  lambda: { runtime: ${pick(RUNTIMES)}, architecture: ${pick(['arm64', 'x86_64'])}, memory: ${pick([128, 256, 1024, 3008])}, timeout: ${pick(['3s', '30s', '2m'])} }\n`;
  }
  p += 'buses:\n';
  for (const b of buses) {
    const opts: string[] = [];
    if (chance(0.5)) opts.push(`archive: { retention: ${pick(['7d', '90d', '1y'])} }`);
    if (chance(0.4)) opts.push(`schemaDiscovery: ${pick(['true', 'false'])}`);
    if (chance(0.3)) opts.push('allowAccounts: ["222233334444"]');
    if (chance(0.5)) opts.push(`description: Bus ${b}.`);
    p += `  ${b}: { ${opts.join(', ')} }\n`;
  }
  if (chance(0.5)) p += '  default: { description: AWS events. }\n';
  p += 'notifications:\n';
  for (const t of topics) {
    const opts: string[] = [];
    if (chance(0.7)) opts.push('email: [a@example.com]');
    if (chance(0.3)) opts.push('sms: ["+15555550100"]');
    if (chance(0.3)) opts.push('https: [https://hooks.example.com/x]');
    p += `  ${t}: { ${opts.join(', ')} }\n`;
  }
  p += 'queues:\n';
  for (const q of queues) {
    const opts = [`fifo: ${q.fifo}`];
    opts.push(`visibilityTimeout: ${pick(['15m', '12h'])}`);
    if (chance(0.4)) opts.push(`retention: ${pick(['60s', '4d', '14d'])}`);
    if (chance(0.4)) opts.push(`maxReceives: ${1 + rnd(10)}`);
    if (chance(0.4)) opts.push(pick([`consumer: consumers/${q.name.replace('.', '-')}`, `consumer: { handler: consumers/${q.name.replace('.', '-')}-x, batchSize: ${1 + rnd(10)}, timeout: 30s${chance(0.5) ? `, access: { publish: [${buses[0]}] }` : ''} }`]));
    p += `  ${q.name}: { ${opts.join(', ')} }\n`;
  }
  p += 'logs:\n';
  for (const l of logs) p += `  ${l}: { retention: ${pick(['30d', '1y', 'forever', '7'])} }\n`;
  if (apis.length) {
    p += 'apiDestinations:\n';
    for (const a of apis) {
      const auth = pick([`apiKey: { header: x-api-key, secret: s/${a} }`, `basic: { secret: s/${a}-basic }`, `oauth: { tokenUrl: https://auth.example.com/token, secret: s/${a}-oauth, method: POST }`]);
      p += `  ${a}: { url: "https://${a}.example.com/api/*", method: ${pick(['POST', 'PUT', 'GET'])}, rateLimit: ${1 + rnd(300)}, auth: { ${auth} } }\n`;
    }
  }
  if (tables.length) {
    p += 'tables:\n';
    for (const t of tables) p += `  ${t}: { partitionKey: ${pick(['id', '{ name: pk, type: number }'])}${chance(0.4) ? ', sortKey: { name: sk, type: string }' : ''}${chance(0.3) ? ', ttl: expiresAt' : ''} }\n`;
  }
  if (bucketsList.length) {
    p += 'buckets:\n';
    for (const b of bucketsList) p += `  ${b}: { versioned: ${pick(['true', 'false'])}${chance(0.5) ? ', expireAfter: 30d' : ''} }\n`;
  }
  // AWS sources
  const awsTypes: TypeInfo[] = [];
  let a = 'sources:\n';
  a += '  Ec2Changed: { ec2: {} }\n'; awsTypes.push({ name: 'Ec2Changed', bus: 'default', fields: { state: 'enumEc2' } });
  a += `  ApiCalls: { cloudtrail: { service: ${pick(['iam', 's3', 'ec2'])} } }\n`; awsTypes.push({ name: 'ApiCalls', bus: 'default', fields: { eventName: 'string' } });
  a += `  Tick: { schedule: ${pick(['{ rate: 1 hour }', '{ cron: "0 2 * * ? *" }', '"rate(5 minutes)"'])} }\n`; awsTypes.push({ name: 'Tick', bus: 'default', schedule: true });
  if (bucketsList.length) { a += `  Uploaded: { s3: { bucket: ${bucketsList[0]}, event: ${pick(['Object Created', 'Object Deleted', 'Object Restore Completed', 'Object Tags Added', 'Object ACL Updated', 'Object Storage Class Changed'])} } }\n`; awsTypes.push({ name: 'Uploaded', bus: 'default', fields: { 'object.key': 'string' } }); }
  if (tables.length) { a += `  TableChanged: { dynamodb: { table: ${tables[0]}, bus: ${buses[0]}, source: com.ex.table${chance(0.5) ? ', detailType: Row Changed' : ''} } }\n`; awsTypes.push({ name: 'TableChanged', bus: buses[0], fields: { eventName: 'enumDdb' } }); }
  files['routes/platform.yaml'] = p + a;
  // Domain files
  const domains = 1 + rnd(4);
  const allTypes: TypeInfo[] = [...awsTypes];
  const fieldKinds = ['string', 'number', 'integer', 'boolean', 'enum', 'array', 'object'];
  for (let d = 0; d < domains; d++) {
    const bus = pick(buses);
    let f = `bus: ${bus}\nsource: com.ex.d${d}\nowner: team-${d}\nevents:\n`;
    const n = 1 + rnd(3);
    for (let e = 0; e < n; e++) {
      const name = `D${d}Thing${e}`;
      const fields: Record<string, string> = {};
      const properties: Record<string, unknown> = {};
      const example: Record<string, unknown> = {};
      for (let k = 0; k < 2 + rnd(5); k++) {
        const kind = pick(fieldKinds);
        const key = `f${k}${kind === 'object' ? 'Obj' : ''}`;
        fields[key] = kind;
        if (kind === 'string') { properties[key] = { type: 'string', ...(chance(0.3) ? { format: 'date-time' } : {}) }; example[key] = '2026-01-01T00:00:00Z'; }
        if (kind === 'number') { properties[key] = { type: 'number', minimum: 0 }; example[key] = 12.5; }
        if (kind === 'integer') { properties[key] = { type: 'integer' }; example[key] = 3; }
        if (kind === 'boolean') { properties[key] = { type: 'boolean' }; example[key] = true; }
        if (kind === 'enum') { properties[key] = { type: 'string', enum: ['a', 'b', 'c'] }; example[key] = 'a'; }
        if (kind === 'array') { properties[key] = { type: 'array', items: { type: 'string' } }; example[key] = ['x']; }
        if (kind === 'object') { properties[key] = { type: 'object', properties: { inner: { type: 'string' }, n: { type: 'number' } }, required: ['inner'] }; example[key] = { inner: 'i', n: 1 }; }
      }
      const req = Object.keys(fields).filter(() => chance(0.5));
      const schema = { type: 'object', ...(req.length ? { required: req } : {}), properties };
      // Inline (JSON is YAML too), or in a schema file beside the route files.
      let schemaText = y(schema);
      if (chance(0.25)) {
        files[`routes/schemas/d${d}-e${e}.json`] = `${JSON.stringify(schema, null, 2)}\n`;
        schemaText = `{ $ref: ./schemas/d${d}-e${e}.json }`;
      }
      f += `  ${name}:\n    detailType: D${d} thing ${e}\n${chance(0.5) ? `    description: Thing ${e} of domain ${d}.\n` : ''}${chance(0.2) ? `    api: { path: /d${d}/e${e}, method: POST }\n` : ''}    schema: ${schemaText}\n    examples:\n      - ${y(example)}\n`;
      allTypes.push({ name, bus, fields });
    }
    files[`routes/domain-${d}.yaml`] = f;
  }
  // Routes, spread over the domain files
  const handlers: string[] = [];
  for (let d = 0; d < domains; d++) {
    let r = 'routes:\n';
    const nr = 1 + rnd(chance(0.2) ? 12 : 4);
    for (let i = 0; i < nr; i++) {
      const first = pick(allTypes);
      const same = allTypes.filter((t) => t.bus === first.bus && !t.schedule && !first.schedule && t !== first);
      const on = first.schedule || !same.length || chance(0.7) ? [first] : [first, pick(same)];
      const name = `r${d}-${i}`;
      r += `  ${name}:\n`;
      if (chance(0.5)) r += `    description: Route ${i}.\n`;
      r += `    on: ${on.length === 1 ? on[0].name : y(on.map((t) => t.name))}\n`;
      let filtered = false;
      if (!first.schedule && first.fields && chance(0.7)) {
        const entries = Object.entries(first.fields);
        const [key, kind] = pick(entries);
        const ops = FILTERS[kind]!;
        const path = key.split('.');
        let pat = pick(ops);
        for (let j = path.length - 1; j >= 0; j--) pat = `{ ${path[j]}: ${pat} }`;
        if (chance(0.2) && entries.length > 1) {
          const [k2, kind2] = pick(entries);
          if (!k2.includes('.') && k2 !== key) pat = `{ $or: [{ ${key}: ${pick(ops)} }, { ${k2}: ${pick(OR_FILTERS[kind2]!)} }] }`;
        }
        r += `    filter:\n      detail: ${pat}\n`;
        // The envelope may narrow too (a source or detail-type here replaces the derived one).
        if (chance(0.15)) r += `      account: ["123456789012", "210987654321"]\n`;
        if (chance(0.1)) r += `      region: [{ prefix: eu- }]\n`;
        filtered = true;
      }
      // Without a filter, every event of the type matches: its first example, completed, is a test.
      if (!filtered && !first.schedule && chance(0.5)) r += `    tests:\n      - { name: the example matches, event: {}, matches: true }\n${on.length > 1 ? `      - { type: ${on[1].name}, event: {}, matches: true }\n` : ''}`;
      if (chance(0.3)) r += `    retry: { attempts: ${rnd(186)} }\n`;
      if (chance(0.2)) r += `    deadLetter: ${pick(['true', 'false', ...stdQueues])}\n`;
      if (chance(0.1)) r += `    enabled: false\n`;
      r += '    targets:\n';
      const kinds = ['lambda', 'notify', 'email', 'queue', 'stateMachine', 'bus', 'log', ...(apis.length ? ['apiDestination'] : [])];
      const nt = 1 + rnd(5);
      const used = new Set<string>();
      for (let t = 0; t < nt; t++) {
        const kind = pick(kinds);
        let line: string;
        if (kind === 'lambda') {
          // Mostly the domain's own handlers; some shared by routes of several files (and stacks).
          const h = chance(0.2) ? `shared/h${rnd(2)}` : `d${d}/h${rnd(4)}`;
          if (used.has(h)) continue;
          used.add(h);
          const first = !handlers.includes(h);
          handlers.push(h);
          line = `lambda: ${h}`;
          if (first && chance(0.5)) line += `, memory: ${pick([128, 512, 2048])}, timeout: ${pick(['10s', '1m'])}`;
          if (first && chance(0.3)) line += `, environment: { MODE: strict, LEVEL: "3" }`;
          if (first && chance(0.4)) line += `, access: { ${[tables.length ? `tables: { ${tables[0]}: ${pick(['read', 'write', 'readwrite'])} }` : '', bucketsList.length ? `buckets: { ${bucketsList[0]}: ${pick(['read', 'write', 'readwrite'])} }` : '', `publish: [${pick(buses)}]`].filter(Boolean).join(', ')} }`;
          if (first && chance(0.4)) line += `, async: { retries: ${rnd(3)}, maxAge: ${pick(['60s', '1h', '6h'])}${chance(0.5) ? `, onFailure: ${pick(['dead-letter', 'none', `{ queue: ${stdQueues[0] ?? 'inbox'} }`, `{ topic: ${topics[0]} }`, `{ bus: ${pick(buses)} }`])}` : ''} }`;
        } else if (kind === 'notify') line = `notify: ${pick(topics)}`;
        else if (kind === 'email') line = `email: { from: shop@example.com, to: [x@example.com]${chance(0.3) ? ', cc: [y@example.com], identity: example.com' : ''}, subject: "Hi {{detail-type}}", body: "Event {{id}} from {{source}}" }`;
        else if (kind === 'queue') { const q = pick(queues); line = `queue: ${q.name}${q.fifo ? `, messageGroupId: ${name}` : ''}`; }
        else if (kind === 'stateMachine') line = `stateMachine: arn:aws:states:eu-west-1:123456789012:stateMachine:sm${rnd(3)}`;
        else if (kind === 'bus') { const other = [...buses, 'default'].filter((b) => b !== first.bus); line = other.length && chance(0.6) ? `bus: ${pick(other)}` : `bus: arn:aws:events:eu-west-1:111122223333:event-bus/partner${rnd(3)}`; }
        else if (kind === 'log') line = `log: ${pick(logs)}`;
        else line = `apiDestination: ${pick(apis)}`;
        const key = line.split(',')[0];
        if (used.has(key)) continue;
        used.add(key);
        if (chance(0.3)) line += `, retry: { attempts: ${rnd(186)}, maxAge: ${pick(['60s', '2h'])} }`;
        if (chance(0.2)) line += `, deadLetter: ${pick(['true', 'false', ...stdQueues])}`;
        if (!line.startsWith('bus: arn') && chance(0.3)) {
          // Paths into the detail of the route's first type narrow a Lambda handler's input type.
          const field = first.fields ? pick(Object.keys(first.fields)) : undefined;
          const detailPath = field ? `$.detail.${field}` : '$.detail';
          line += `, input: ${pick([
            '{ constant: { kind: ping } }',
            '{ path: $.detail }',
            `{ path: "${detailPath}" }`,
            `{ paths: { s: $.source, t: $.detail-type }, template: '{"s": <s>, "t": <t>, "r": <aws.events.rule-name>}' }`,
            `{ paths: { v: "${detailPath}", id: $.id }, template: '{"value": <v>, "id": <id>, "nested": {"list": [<v>, <id>]}}' }`,
            `{ paths: { v: "${detailPath}" }, template: '"got <v>"' }`,
            `{ paths: { v: "${detailPath}" }, template: '<v>' }`,
          ])}`;
        }
        if (chance(0.1)) line += `, id: custom-${t}`;
        r += `      - { ${line} }\n`;
      }
      if (/targets:\n$/.test(r)) r += `      - { log: ${logs[0]} }\n`; // every pick was a repeat
    }
    files[`routes/domain-${d}.yaml`] += r;
  }
  return files;
}
