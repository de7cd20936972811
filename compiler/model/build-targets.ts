// One target of a route: its kind and reference, retry policy, dead-letter queue and input.
import type { Route as RouteDecl, Target as TargetDecl } from '../language/route-file.types';
import { didYouMean } from '../diagnostics/suggest';
import type { Reporter } from './context';
import type { Declarations } from './declarations';
import { resolveRetry } from './build-defaults';
import { EMAIL } from './build-resources';
import { checkHandlerPath, type FunctionRegistry } from './build-functions';
import { targetId } from './ids';
import type { Defaults, InputSpec, JsonValue, RetryPolicy, Target } from './types';

export const TARGET_KINDS = ['lambda', 'notify', 'email', 'queue', 'stateMachine', 'bus', 'apiDestination', 'log'] as const;

/** SQS MessageGroupId: 1-128 alphanumeric and punctuation characters. */
const MESSAGE_GROUP_ID = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/;
const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/;
const BUS_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):([0-9]{12}):event-bus\/([.\-_A-Za-z0-9/]{1,256})$/;
const RESERVED_INPUT = ['aws.events.rule-arn', 'aws.events.rule-name', 'aws.events.event.ingestion-time', 'aws.events.event', 'aws.events.event.json'];
export const INPUT_LIMITS = { paths: 100, template: 8192, path: 256, constant: 8192 };

export interface TargetContext {
  routeName: string;
  routeBus: string;
  /** The route's own dead-letter queue name (created when some target uses it). */
  routeDlq: string;
  file: string;
  decls: Declarations;
  defaults: Defaults;
  routeDecl: RouteDecl;
  functions: FunctionRegistry;
  reporter: Reporter;
  /** Handlebars, loaded only when a route has an email target. */
  checkTemplate: (template: string) => string | undefined;
}

export function buildTarget(t: TargetDecl, index: number, ctx: TargetContext): Target | undefined {
  const { decls, reporter, file } = ctx;
  const p = `/routes/${ctx.routeName.replace(/~/g, '~0').replace(/\//g, '~1')}/targets/${index}`;
  const kinds = TARGET_KINDS.filter((k) => t[k] !== undefined);
  if (kinds.length !== 1) {
    reporter.report(file, p, 'ER3010', kinds.length === 0 ? 'the target has no kind' : `the target has several kinds: ${kinds.join(', ')}`, `give exactly one of ${TARGET_KINDS.map((k) => `\`${k}\``).join(', ')} per list item`);
    return undefined;
  }
  const kind = kinds[0];
  const unknown = (code: string, what: string, name: string, candidates: Iterable<string>, section: string): void =>
    reporter.report(file, `${p}/${kind}`, code, `${what} "${name}" is not declared`, `${didYouMean(name, candidates)}declare it under \`${section}:\``);

  const retry: RetryPolicy = resolveRetry(resolveRetry(ctx.defaults.retry, ctx.routeDecl.retry, file, `/routes/${ctx.routeName}/retry`, reporter), t.retry, file, `${p}/retry`, reporter);
  const deadLetterQueue = resolveDeadLetter(t.deadLetter ?? ctx.routeDecl.deadLetter ?? ctx.defaults.deadLetter, t.deadLetter !== undefined ? `${p}/deadLetter` : `/routes/${ctx.routeName}/deadLetter`, ctx);

  let crossAccountBus = false;
  let target: Target;
  let seed: string;
  switch (kind) {
    case 'lambda':
      checkHandlerPath(t.lambda!, file, `${p}/lambda`, reporter);
      seed = `lambda-${t.lambda}`;
      target = { kind: 'lambda', function: t.lambda!, id: '', retry, deadLetterQueue, input: null };
      break;
    case 'notify':
      if (!decls.notifications.has(t.notify!)) unknown('ER3003', 'notification topic', t.notify!, decls.notifications.keys(), 'notifications');
      seed = `sns-${t.notify}`;
      target = { kind: 'sns', topic: t.notify!, id: '', retry, deadLetterQueue, input: null };
      break;
    case 'email': {
      const e = t.email!;
      for (const [field, list] of [['from', [e.from]], ['to', e.to], ['cc', e.cc ?? []]] as const) {
        list.forEach((address, i) => {
          if (!EMAIL.test(address)) reporter.report(file, `${p}/email/${field}${field === 'from' ? '' : `/${i}`}`, 'ER3026', `"${address}" is not a valid email address`, 'write an address like sales@example.com');
        });
      }
      for (const field of ['subject', 'body'] as const) {
        const problem = ctx.checkTemplate(e[field]);
        if (problem) reporter.report(file, `${p}/email/${field}`, 'ER3034', `the ${field} template is not valid Handlebars: ${problem}`, 'use `{{detail.field}}` to insert event values; close every `{{#if}}`/`{{#each}}` block');
      }
      seed = `email-${e.to[0]}`;
      const identity = e.identity ?? e.from.split('@')[1] ?? e.from;
      target = { kind: 'email', from: e.from, identity, to: e.to, cc: e.cc ?? [], subject: e.subject, body: e.body, id: '', retry, deadLetterQueue, input: null };
      break;
    }
    case 'queue': {
      const q = decls.queues.get(t.queue!);
      if (!q) unknown('ER3004', 'queue', t.queue!, decls.queues.keys(), 'queues');
      const fifo = q?.value?.fifo === true;
      if (fifo && !t.messageGroupId) reporter.report(file, `${p}/queue`, 'ER3038', `queue "${t.queue}" is FIFO and the target has no messageGroupId`, 'add `messageGroupId:` with a fixed id of 1-128 characters (e.g. the route name); EventBridge rules cannot take it from the event');
      if (!fifo && t.messageGroupId) reporter.report(file, `${p}/messageGroupId`, 'ER3038', `queue "${t.queue}" is a standard queue; messageGroupId applies to FIFO queues only`, 'remove messageGroupId, or declare the queue with `fifo: true`', { atKey: true });
      if (fifo && t.messageGroupId && (t.messageGroupId.startsWith('$.') || !MESSAGE_GROUP_ID.test(t.messageGroupId))) {
        reporter.report(
          file,
          `${p}/messageGroupId`,
          'ER3038',
          t.messageGroupId.startsWith('$') ? `messageGroupId "${t.messageGroupId}" is a JSON path; EventBridge rules send a fixed message group id` : `messageGroupId "${t.messageGroupId}" is not a valid SQS message group id`,
          'write a fixed id of 1-128 letters, digits and punctuation (e.g. the route name); a group taken from each event needs an EventBridge pipe',
        );
      }
      seed = `sqs-${t.queue}`;
      target = { kind: 'sqs', queue: t.queue!, messageGroupId: t.messageGroupId ?? null, id: '', retry, deadLetterQueue, input: null };
      break;
    }
    case 'stateMachine':
      if (!STATE_MACHINE_ARN.test(t.stateMachine!)) reporter.report(file, `${p}/stateMachine`, 'ER3025', `"${t.stateMachine}" is not a state machine ARN`, 'write arn:aws:states:REGION:ACCOUNT:stateMachine:NAME');
      seed = `sfn-${t.stateMachine!.split(':').pop()}`;
      target = { kind: 'stepFunctions', stateMachineArn: t.stateMachine!, id: '', retry, deadLetterQueue, input: null };
      break;
    case 'bus': {
      const value = t.bus!;
      const arn = BUS_ARN.exec(value);
      if (value.startsWith('arn:')) {
        if (!arn) reporter.report(file, `${p}/bus`, 'ER3025', `"${value}" is not an event bus ARN`, 'write arn:aws:events:REGION:ACCOUNT:event-bus/NAME');
        crossAccountBus = true;
        seed = `bus-${arn ? `${arn[2]}-${arn[3]}` : 'external'}`;
        target = { kind: 'bus', bus: null, arn: value, account: arn ? arn[2] : null, id: '', retry, deadLetterQueue, input: null };
      } else {
        if (value !== 'default' && !decls.buses.has(value)) unknown('ER3005', 'bus', value, ['default', ...decls.buses.keys()], 'buses');
        if (value === ctx.routeBus) reporter.report(file, `${p}/bus`, 'ER3039', `the route is on bus "${value}" and forwards to the same bus`, 'forward to another bus; a rule sending to its own bus loops events back into its rules');
        seed = `bus-${value}`;
        target = { kind: 'bus', bus: value, arn: null, account: null, id: '', retry, deadLetterQueue, input: null };
      }
      break;
    }
    case 'apiDestination':
      if (!decls.apiDestinations.has(t.apiDestination!)) unknown('ER3007', 'API destination', t.apiDestination!, decls.apiDestinations.keys(), 'apiDestinations');
      seed = `api-${t.apiDestination}`;
      target = { kind: 'apiDestination', destination: t.apiDestination!, id: '', retry, deadLetterQueue, input: null };
      break;
    case 'log':
      if (!decls.logs.has(t.log!)) unknown('ER3006', 'log group', t.log!, decls.logs.keys(), 'logs');
      seed = `log-${t.log}`;
      target = { kind: 'logs', logGroup: t.log!, id: '', retry, deadLetterQueue, input: null };
      break;
  }
  target.input = t.input === undefined ? null : buildInput(t.input, `${p}/input`, crossAccountBus, ctx);
  if (t.id !== undefined && !/^[.\-_A-Za-z0-9]{1,64}$/.test(t.id)) {
    reporter.report(file, `${p}/id`, 'ER4004', `"${t.id}" is not a valid EventBridge target id`, 'use 1-64 of letters, digits, ".", "-", "_"');
  }
  target.id = t.id ?? targetId(seed);
  if (target.kind === 'lambda') {
    ctx.functions.use(target.function, { kind: 'route', route: ctx.routeName, target: target.id }, { file, pointer: p, options: t });
  }
  return target;
}

function resolveDeadLetter(setting: boolean | string, pointer: string, ctx: TargetContext): string | null {
  if (setting === false) return null;
  if (setting === true) return ctx.routeDlq;
  const q = ctx.decls.queues.get(setting);
  if (!q) {
    ctx.reporter.report(ctx.file, pointer, 'ER3004', `queue "${setting}" is not declared`, `${didYouMean(setting, ctx.decls.queues.keys())}declare it under \`queues:\`, or use \`deadLetter: true\` for a queue made for the route`);
    return null;
  }
  if (q.value?.fifo) {
    ctx.reporter.report(ctx.file, pointer, 'ER4007', `queue "${setting}" is FIFO and cannot be a dead-letter queue of a rule`, 'EventBridge sends failed events to standard queues only: use a standard queue, or `deadLetter: true`');
    return null;
  }
  return setting;
}

function buildInput(input: NonNullable<TargetDecl['input']>, p: string, crossAccountBus: boolean, ctx: TargetContext): InputSpec | null {
  const { reporter, file } = ctx;
  if (crossAccountBus) {
    reporter.report(file, p, 'ER3030', 'a target that is a bus given by ARN cannot transform its input', 'EventBridge forwards the whole event to a bus given by ARN (another account or region): remove `input`, and transform in a rule on the receiving bus', { atKey: true });
  }
  const forms = [input.paths !== undefined || input.template !== undefined ? 'transformer' : null, input.constant !== undefined ? 'constant' : null, input.path !== undefined ? 'path' : null].filter(Boolean);
  if (forms.length !== 1) {
    reporter.report(file, p, 'ER3028', forms.length === 0 ? 'the input is empty' : `the input mixes ${forms.join(' and ')}`, 'give `paths` + `template` (an input transformer), or `constant`, or `path`', { atKey: true });
    return null;
  }
  if (input.constant !== undefined) {
    const json = JSON.stringify(input.constant as JsonValue);
    if (json.length > INPUT_LIMITS.constant) reporter.report(file, `${p}/constant`, 'ER4006', `the constant input is ${json.length} characters as JSON`, `Input is at most ${INPUT_LIMITS.constant} characters`);
    return { kind: 'constant', json };
  }
  if (input.path !== undefined) {
    if (!input.path.startsWith('$') || input.path.length > INPUT_LIMITS.path) reporter.report(file, `${p}/path`, 'ER4006', `"${input.path}" is not a JSON path of at most ${INPUT_LIMITS.path} characters`, 'write a path starting with $, e.g. $.detail');
    return { kind: 'path', path: input.path };
  }
  const paths = input.paths ?? {};
  const names = Object.keys(paths);
  if (names.length > INPUT_LIMITS.paths) reporter.report(file, `${p}/paths`, 'ER4006', `the input transformer has ${names.length} paths`, `InputPathsMap holds at most ${INPUT_LIMITS.paths} entries`);
  for (const name of names) {
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(name) || name.startsWith('AWS')) {
      reporter.report(file, `${p}/paths/${name}`, 'ER4006', `"${name}" is not a valid input variable name`, 'use letters, digits, "_" and "-", not starting with "AWS"', { atKey: true });
    }
    const path = paths[name];
    if (!path.startsWith('$') || path.length > INPUT_LIMITS.path) reporter.report(file, `${p}/paths/${name}`, 'ER4006', `"${path}" is not a JSON path of at most ${INPUT_LIMITS.path} characters`, 'write a path starting with $, e.g. $.detail.orderId');
  }
  const template = input.template;
  if (template === undefined || template.length === 0 || template.length > INPUT_LIMITS.template) {
    reporter.report(file, template === undefined ? p : `${p}/template`, 'ER4006', template === undefined ? 'the input transformer has no template' : `the template is ${template.length} characters long`, `write a template of 1 to ${INPUT_LIMITS.template} characters using <name> for each path`, { atKey: template === undefined });
    return null;
  }
  for (const match of template.matchAll(/<([A-Za-z0-9_.\-]+)>/g)) {
    const name = match[1];
    if (!Object.hasOwn(paths, name) && !RESERVED_INPUT.includes(name)) {
      reporter.report(file, `${p}/template`, 'ER3033', `the template uses <${name}>, which is not a key of \`paths\``, `${didYouMean(name, [...names, ...RESERVED_INPUT])}add it to \`paths\` or use a reserved variable (${RESERVED_INPUT.join(', ')})`);
    }
  }
  return { kind: 'transformer', paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))), template };
}
