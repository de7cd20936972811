// The CDK app's options from the context (cdk.json, or `cdk -c`): defaults, strings as the CDK CLI
// passes them, and values it cannot use reported as the user's problem (a SynthError), not a crash.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_API, resolveOptions } from '../../compiler/cdk/options';
import { DEFAULT_STACK_BUDGET } from '../../compiler/cdk/plan/stacks';
import { readCdkContext } from '../../compiler/cdk/synthesize';
import { SynthError } from '../../compiler/cdk/errors';
import { placeholderCode } from './support/system';

const options = (context: Record<string, unknown>) => resolveOptions(placeholderCode, (key) => context[key]);

describe('resolveOptions', () => {
  it('resolves the defaults, and takes strings from `cdk -c`', () => {
    expect(options({})).toMatchObject({ stackBudget: DEFAULT_STACK_BUDGET, apiGatewayAccountRole: true, api: DEFAULT_API });
    expect(options({ 'eventroutes:stackBudget': '120', 'eventroutes:apiGatewayAccountRole': 'false', 'eventroutes:apiRateLimit': 5 })).toMatchObject({ stackBudget: 120, apiGatewayAccountRole: false, api: { rateLimit: 5 } });
  });

  it.each([
    ['eventroutes:stackBudget', 'abc', /"eventroutes:stackBudget" cannot be used: "abc"\n {2}allowed: a positive number/],
    ['eventroutes:stackBudget', -5, /cannot be used: -5/],
    ['eventroutes:stackBudget', '', /cannot be used: ""/],
    ['eventroutes:apiBurstLimit', [1], /cannot be used: \[1\]/],
    ['eventroutes:apiGatewayAccountRole', 'yes', /allowed: true or false/],
  ])('reports %s = %j as a SynthError', (key, value, message) => {
    expect(() => options({ [key]: value })).toThrow(SynthError);
    expect(() => options({ [key]: value })).toThrow(message);
  });
});

describe('readCdkContext', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eventroutes-cdkjson-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = (text: string) => {
    writeFileSync(join(dir, 'cdk.json'), text);
    return () => readCdkContext(dir);
  };

  it('gives the context of cdk.json (none without one)', () => {
    expect(readCdkContext(join(dir, 'nowhere'))).toEqual({});
    expect(read('{"app": "x", "context": {"a": 1}}')()).toEqual({ a: 1 });
    expect(read('{"app": "x"}')()).toEqual({});
  });

  it.each([
    ['{ "app": "x", "context": {', /cdk.json cannot be read as JSON/],
    ['[1, 2]', /cdk.json is not a JSON object/],
    ['{"context": 5}', /"context" that is not an object/],
  ])('reports a cdk.json it cannot use: %s', (text, message) => {
    expect(read(text)).toThrow(SynthError);
    expect(read(text)).toThrow(message);
  });
});
