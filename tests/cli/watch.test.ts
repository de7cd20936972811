// `eventroutes compile --watch`: compiles, then recompiles on every save and prints what it wrote.
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const app = (detailType: string) => `source: com.example.app
events:
  Ping: { detailType: ${detailType}, schema: { type: object } }
routes:
  on-ping: { on: Ping, targets: [{ log: pings }] }
logs:
  pings: {}
`;

/** `compile --watch` in `root`: its output so far, and a wait for a text in it (after an offset). */
function startWatch(root: string, args: string[] = []) {
  const child = spawn(process.execPath, [BIN, 'compile', '--watch', ...args], { cwd: root });
  const run = { child, out: '' };
  child.stdout.on('data', (chunk) => (run.out += chunk));
  const waitFor = (text: string, after = 0) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (run.out.indexOf(text, after) !== -1) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
      child.once('exit', () => {
        clearInterval(timer);
        reject(new Error(`exited before "${text}":\n${run.out}`));
      });
    });
  return { run, waitFor };
}

describe('eventroutes compile --watch', () => {
  it('recompiles on atomic saves (a new file renamed over the old one), save after save, and in new folders', async () => {
    const root = makeProject({ 'routes/app.yaml': app('Ping') });
    roots.push(root);
    const { run, waitFor } = startWatch(root);
    const save = (path: string, text: string) => {
      writeFileSync(join(root, `${path}.tmp~`), text);
      renameSync(join(root, `${path}.tmp~`), join(root, path));
    };
    try {
      await waitFor('watching routes/');
      for (const name of ['Pong', 'Pang', 'Pung']) {
        const mark = run.out.length;
        save('routes/app.yaml', app(name));
        await waitFor('wrote   generated/model.json', mark);
      }
      const mark = run.out.length;
      mkdirSync(join(root, 'routes/more'));
      save('routes/more/other.yaml', 'bogus: 1\n');
      await waitFor('routes/more/other.yaml:1:1: error ER2001', mark);
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  it('goes on after routes/ is renamed away and back (a branch switch, a restore)', async () => {
    const root = makeProject({ 'routes/app.yaml': app('Ping') });
    roots.push(root);
    const { run, waitFor } = startWatch(root);
    try {
      await waitFor('watching routes/');
      let mark = run.out.length;
      renameSync(join(root, 'routes'), join(root, 'routes.away'));
      await waitFor('error ER1009 there is no routes/ folder', mark);
      mark = run.out.length;
      renameSync(join(root, 'routes.away'), join(root, 'routes'));
      await waitFor('change detected', mark);
      await new Promise((resolve) => setTimeout(resolve, 300));
      mark = run.out.length;
      writeFileSync(join(root, 'routes/app.yaml'), app('Pong'));
      await waitFor('wrote   generated/model.json', mark);
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  it('recompiles when a schema file outside routes/ changes', async () => {
    const withRef = app('Ping').replace('schema: { type: object }', 'schema: { $ref: ../schemas/ping.json }');
    const root = makeProject({ 'routes/app.yaml': withRef, 'schemas/ping.json': '{ "type": "object" }' });
    roots.push(root);
    const { run, waitFor } = startWatch(root);
    try {
      await waitFor('watching routes/');
      const mark = run.out.length;
      writeFileSync(join(root, 'schemas/ping.json'), '{ "type": "object", "properties": { "n": { "type": "integer" } } }');
      await waitFor('wrote   generated/events/Ping.ts', mark);
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  it('with --format json, prints only JSON lines', async () => {
    const root = makeProject({ 'routes/app.yaml': app('Ping') });
    roots.push(root);
    const { run, waitFor } = startWatch(root, ['--format', 'json']);
    try {
      // Broken at once (the first compile, or the watch after it, reports it), then broken otherwise: a recompile.
      writeFileSync(join(root, 'routes/app.yaml'), app('Ping') + 'bogus: 1\n');
      await waitFor('unknown property \\"bogus\\"');
      writeFileSync(join(root, 'routes/app.yaml'), app('Ping') + 'bogus2: 1\n');
      await waitFor('unknown property \\"bogus2\\"');
      for (const line of run.out.split('\n').filter((l) => l.trim() !== '')) expect(() => JSON.parse(line), line).not.toThrow();
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  it('recompiles when a route file changes', async () => {
    const root = makeProject({ 'routes/app.yaml': app('Ping') });
    roots.push(root);
    const { run, waitFor } = startWatch(root);
    try {
      await waitFor('watching routes/');
      const mark = run.out.length;
      writeFileSync(join(root, 'routes/app.yaml'), app('Pong'));
      await waitFor('change detected', mark);
      await waitFor('wrote   generated/model.json', mark);
      const mark2 = run.out.length;
      writeFileSync(join(root, 'routes/app.yaml'), app('Pong') + 'bogus: 1\n');
      await waitFor('ER2001', mark2);
      expect(run.out.slice(mark2)).toContain('generated/ was not changed');
    } finally {
      run.child.kill('SIGTERM');
    }
  });
});
