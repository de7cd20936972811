// Starts the compile worker (compiler/dist/worker.cjs) when a run has enough work to share, and
// falls back to this thread when it cannot (running from source, or the worker failed).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { TypeJob, TypeJobResult } from '../emit/ts/schema-to-ts';
import type { FileEntry } from './cache';

/** Below this many items, a worker costs more to start than it saves. */
export const PARALLEL_THRESHOLD = 48;

export class CompileWorker {
  private readonly worker: Worker;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(path: string) {
    // Loaded here: a run without a worker (any recompile) does not pay for node:worker_threads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    this.worker = new WorkerThread(path);
    this.worker.unref();
    this.worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  /** A worker when the bundle has one (the command line), else undefined. */
  static start(): CompileWorker | undefined {
    const dir = typeof __dirname === 'string' ? __dirname : '';
    const path = join(dir, 'worker.cjs');
    if (!dir.endsWith('dist') || !existsSync(path)) return undefined;
    try {
      return new CompileWorker(path);
    } catch {
      return undefined;
    }
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ...message });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  parse(texts: string[]): Promise<FileEntry[]> {
    return this.call<FileEntry[]>({ kind: 'parse', texts });
  }

  /** TypeScript declarations from schemas, for the jobs it takes from `claims` (see TypeGenerator in emit/ts/schema-to-ts.ts). */
  types(jobs: TypeJob[], claims: Int32Array): Promise<(TypeJobResult | undefined)[]> {
    return this.call<(TypeJobResult | undefined)[]>({ kind: 'types', jobs, claims });
  }

  close(): void {
    void this.worker.terminate();
  }
}
