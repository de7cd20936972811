// The type-checking gate: a handler that reads a field its event does not have, or expects a value
// its route's filter excludes, does not compile. Checked with the TypeScript compiler API against the
// types generated for the example system (generated/handlers/activity/check-sign-in.ts: route
// new-device-sign-in lets only action "sign-in" from a new device through).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, typeErrors } from '../support/typecheck';

const dir = join(PROJECT_ROOT, 'handlers', 'activity');
const header = "import type { Handler } from '../../generated/handlers/activity/check-sign-in';\n";
const handler = (body: string): string => `${header}export const handler: Handler = async (event) => {\n${body}\n};\n`;

const cases: { name: string; body: string; want: { code: number; message: RegExp }[] }[] = [
  { name: 'fields the schema has compile', body: "const user: string = event.detail.userId;\nconst when: string = event.detail.at;\nconsole.log(user, when, event.id, event['detail-type']);", want: [] },
  {
    name: 'a field the schema does not have is an error',
    body: 'console.log(event.detail.userName);',
    want: [{ code: 2339, message: /Property 'userName' does not exist on type/ }],
  },
  {
    name: 'a misspelt nested field is an error',
    body: 'console.log(event.detail.device.isNew);',
    want: [{ code: 2339, message: /Property 'isNew' does not exist on type/ }],
  },
  {
    name: 'the filter narrows: action is "sign-in", so comparing it with "sign-out" is an error',
    body: "if (event.detail.action === 'sign-out') console.log('never');",
    want: [{ code: 2367, message: /types '"sign-in"' and '"sign-out"' have no overlap/ }],
  },
  {
    name: 'the filter makes optional fields present: no undefined check needed',
    body: "const newDevice: true = event.detail.device.newDevice;\nconst ip: string = event.detail.ip;\nconsole.log(newDevice, ip);",
    want: [],
  },
  {
    name: 'source and detail-type are literals',
    body: "const source: 'com.acme.web' = event.source;\nconst type: 'User Activity Recorded' = event['detail-type'];\nconsole.log(source, type);",
    want: [],
  },
];

describe('handler types are a compile-time gate', () => {
  const files = Object.fromEntries(cases.map((c, i) => [join(dir, `__type_gate_${i}.ts`), handler(c.body)]));
  const errors = typeErrors([], files);
  cases.forEach((c, i) => {
    it(c.name, () => {
      const mine = errors.filter((e) => e.file === join(dir, `__type_gate_${i}.ts`));
      expect(mine.map((e) => e.code)).toEqual(c.want.map((w) => w.code));
      c.want.forEach((w, k) => expect(mine[k]!.message).toMatch(w.message));
    });
  });
  it('the generated code itself has no errors', () => {
    expect(errors.filter((e) => !e.file.includes('__type_gate_'))).toEqual([]);
  });
});
