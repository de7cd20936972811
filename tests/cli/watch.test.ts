// `eventroutes compile --watch`: compiles, then recompiles on every save and prints what it wrote.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

describe('eventroutes compile --watch', () => {
  it('recompiles when a route file changes', async () => {
    const root = makeProject({ 'routes/app.yaml': app('Ping') });
    roots.push(root);
    const child = spawn(process.execPath, [BIN, 'compile', '--watch'], { cwd: root });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const waitFor = (text: string, after = 0) =>
      new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (out.indexOf(text, after) !== -1) {
            clearInterval(timer);
            resolve();
          }
        }, 20);
        child.once('exit', () => {
          clearInterval(timer);
          reject(new Error(`exited before "${text}":\n${out}`));
        });
      });
    try {
      await waitFor('watching routes/');
      const mark = out.length;
      writeFileSync(join(root, 'routes/app.yaml'), app('Pong'));
      await waitFor('change detected', mark);
      await waitFor('wrote   generated/model.json', mark);
      const mark2 = out.length;
      writeFileSync(join(root, 'routes/app.yaml'), app('Pong') + 'bogus: 1\n');
      await waitFor('ER2001', mark2);
      expect(out.slice(mark2)).toContain('generated/ was not changed');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
