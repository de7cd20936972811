// synth's summary: every stack of a small system; the largest 30 of a big one, and what the rest are at most.
import { describe, expect, it } from 'vitest';
import { synthSummary } from '../../compiler/cli/commands/synth';

const stack = (stackName: string, resources: number, templateBytes = resources * 1024) => ({ stackName, resources, templateBytes, templateFile: `${stackName}.template.json` });

describe('synth summary', () => {
  it('lists every stack of a small system, in order', () => {
    const text = synthSummary({ outdir: '/p/cdk.out', stacks: [stack('shop-core', 60), stack('shop-orders', 70)] }, '/p', false);
    expect(text).toBe('synthesized 2 stacks, 130 resources into cdk.out/ (CloudFormation validation off)\n  shop-core     60 resources    60 KB\n  shop-orders   70 resources    70 KB\n');
  });

  it('lists the 30 largest stacks of a big system, in order, and what the others are at most', () => {
    const stacks = [stack('big-core', 37), ...Array.from({ length: 500 }, (_, i) => stack(`big-domain-${i}`, 20 + (i % 50)))];
    const lines = synthSummary({ outdir: '/p/cdk.out', stacks }, '/p', true).trimEnd().split('\n');
    expect(lines[0]).toBe(`synthesized 501 stacks, ${stacks.reduce((n, s) => n + s.resources, 0)} resources into cdk.out/ (CloudFormation validation on)`);
    expect(lines).toHaveLength(1 + 30 + 1);
    // Ten stacks each have 69, 68 and 67 resources: those are listed, in their order.
    expect(lines.slice(1, 31).map((l) => Number(/ (\d+) resources /.exec(l)![1])).sort()).toEqual([...Array(10).fill(67), ...Array(10).fill(68), ...Array(10).fill(69)]);
    expect(lines[1]).toMatch(/^  big-domain-47 +67 resources/);
    expect(lines[31]).toBe('  ... and 471 more stacks of at most 66 resources and 66 KB (the 30 largest are listed)');
  });
});
