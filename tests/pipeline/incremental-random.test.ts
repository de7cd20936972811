// Every cache a recompile uses (trusted route files, parse and check memos, emitter memos, output
// stamps and keys, folder listings, the model.json index) must be invisible: after each of a sequence
// of random edits of the example system, or of a random valid project (tests/support/random-project.ts),
// a compile with the cache gives the diagnostics and the generated/ files a compile from scratch gives,
// and `check` the diagnostics of a check without a cache. Between steps, what the step touched is made old (as
// time passing would), so that later steps go through the trusted paths.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/pipeline/compile';
import { checkProject } from '../../compiler/pipeline/cached-check';
import { runCheck } from '../../compiler/pipeline/check';
import { makeProject, readTree, removeProject } from '../support/project';
import { seededInts } from '../support/random';
import { randomProject } from '../support/random-project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));
const example = join(__dirname, '../../routes');


/** Route files and folders changed since `since` get the old time `to` (each step its own). */
function ageRecent(root: string, since: number, to: Date): void {
  const walk = (dir: string, files: boolean): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, files);
      else if (files && statSync(path).mtimeMs >= since) utimesSync(path, to, to);
    }
    if (statSync(dir).mtimeMs >= since) utimesSync(dir, to, to);
  };
  walk(join(root, 'routes'), true);
  for (const top of ['generated', 'handlers']) {
    try {
      walk(join(root, top), false);
    } catch {
      // not there (yet)
    }
  }
}


const WORDS = ['alpha', 'Order Placed', '42', 'orders/score-fraud', 'true', '[eu, us]', '{ type: string }', 'commerce', '7d', 'ops-alerts'];

/** What an edit did: a description, and how to undo it (an edit that left errors is undone at the next step). */
interface Edit {
  what: string;
  undo: () => void;
}

/** One random edit of the project's route files (some leave it invalid: diagnostics are compared too). */
function edit(root: string, pick: (n: number) => number, step: number, originals: Record<string, string>): Edit {
  const files = readdirSync(join(root, 'routes')).filter((f) => f.endsWith('.yaml'));
  const file = files[pick(files.length)]!;
  const path = join(root, 'routes', file);
  const text = readFileSync(path, 'utf8');
  const undo = () => writeFileSync(path, text);
  return { what: change(), undo };

  function change(): string {
  const lines = text.split('\n');
  const i = pick(lines.length);
  switch (pick(9)) {
    case 0: {
      const at = lines.findIndex((l, k) => k >= i && /description: /.test(l));
      if (at >= 0) lines[at] = lines[at]!.replace(/description: .*/, `description: edited in step ${step}`);
      break;
    }
    case 1:
      lines.splice(i, 1);
      break;
    case 2:
      lines.splice(i, 0, lines[pick(lines.length)]!);
      break;
    case 3:
      lines[i] = lines[i]!.replace(/\d+/, String(pick(100)));
      break;
    case 4: {
      const m = /^(\s*(?:- )?[\w.-]+:\s*)(\S.*)$/.exec(lines[i]!);
      if (m) lines[i] = `${m[1]}${WORDS[pick(WORDS.length)]}`;
      break;
    }
    case 5:
      writeFileSync(path, originals[file] ?? text); // back to the original
      return `${file}: restored`;
    case 6:
      writeFileSync(join(root, 'routes', `added-${step}.yaml`), `source: com.example.added${step}\nevents:\n  Added${step}:\n    detailType: Added ${step}\n    schema: { type: object, properties: { n: { type: integer } } }\nroutes:\n  on-added-${step}:\n    on: Added${step}\n    targets: [{ lambda: added/h${step} }]\n`);
      return `added-${step}.yaml: new`;
    case 7: {
      const added = files.filter((f) => f.startsWith('added-'));
      if (added.length > 0) rmSync(join(root, 'routes', added[pick(added.length)]!));
      return 'an added file removed';
    }
    case 8:
      // The same text, written again (a new mtime, the same size and content).
      writeFileSync(path, text);
      return `${file}: touched`;
  }
  writeFileSync(path, lines.join('\n'));
  return `${file}: line ${i + 1}`;
  }
}

const located = (d: { file: string; line: number; column: number; code: string; severity: string; message: string }) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;

/** Where the edits start: the example system, and random valid projects (every feature, schema files). */
const bases: [string, (root: string) => void, number][] = [
  ['the example system', (root) => cpSync(example, join(root, 'routes'), { recursive: true }), 24],
  ...[5, 8].map((seed): [string, (root: string) => void, number] => [
    `random project ${seed}`,
    (root) => {
      for (const [path, text] of Object.entries(randomProject(seed))) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    },
    12,
  ]),
];

describe.each(bases)('incremental compiles of %s, random edits', (_name, setup, defaultSteps) => {
  it('give what a compile from scratch gives, step after step', { timeout: 600_000 }, async () => {
    const root = makeProject({});
    roots.push(root);
    rmSync(join(root, 'routes'), { recursive: true, force: true });
    setup(root);
    const originals = Object.fromEntries(readdirSync(join(root, 'routes')).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(root, 'routes', f), 'utf8')]));
    // A longer run by hand: INCREMENTAL_STEPS=300 INCREMENTAL_SEED=7 npx vitest run <this file>.
    const pick = seededInts(Number(process.env.INCREMENTAL_SEED ?? 20261127));
    let since = 0;
    let broken: Edit | undefined;
    for (let step = 0, steps = Number(process.env.INCREMENTAL_STEPS ?? defaultSteps); step < steps; step++) {
      // An edit that left errors is undone along with this step's edit (errors, then fixed, are a step too).
      broken?.undo();
      const change = step === 0 ? { what: 'first compile', undo: () => {} } : edit(root, pick, step, originals);
      const what = `${change.what}${broken ? ' (and the last edit undone)' : ''}`;
      const incremental = await compileProject(root, { build: 'incremental-test' });
      // The same sources, handlers (stubs created so far) and nothing else, compiled without a cache.
      const fresh = makeProject({});
      roots.push(fresh);
      rmSync(join(fresh, 'routes'), { recursive: true, force: true });
      cpSync(join(root, 'routes'), join(fresh, 'routes'), { recursive: true });
      try {
        cpSync(join(root, 'handlers'), join(fresh, 'handlers'), { recursive: true });
      } catch {
        // no handlers yet
      }
      const scratch = await compileProject(fresh);
      expect(incremental.diagnostics.map(located), `step ${step} (${what}): diagnostics`).toEqual(scratch.diagnostics.map(located));
      if (scratch.errorCount === 0) expect(readTree(join(root, 'generated')), `step ${step} (${what}): generated/`).toEqual(readTree(join(fresh, 'generated')));
      // check (from the record of the last successful compile when the input is unchanged since, else
      // through the memo) reports what a check without any cache does.
      const checked = await checkProject(root, 'incremental-test');
      expect(checked.diagnostics.map(located), `step ${step} (${what}): check`).toEqual((await runCheck(fresh)).diagnostics.map(located));
      broken = scratch.errorCount > 0 ? change : undefined;
      ageRecent(root, since, new Date(Date.UTC(2020, 0, 1, 0, 0, step)));
      since = Date.now() - 1000;
      removeProject(fresh);
    }
  });
});
