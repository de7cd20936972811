// The compile worker: a second thread for the CPU-heavy, independent parts of a big compile: parsing
// route files, then generating TypeScript from schemas. Bundled as compiler/dist/worker.cjs.
import { parentPort } from 'node:worker_threads';
import { loadValidators } from '../validate/ajv-setup';
import { claimFrom, generateDeclarations, type TypeJob } from '../emit/ts/schema-to-ts';
import { checkFileText } from './file-check';

export type WorkerRequest = { id: number; kind: 'parse'; texts: string[] } | { id: number; kind: 'types'; jobs: TypeJob[]; claims: Int32Array };

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.kind === 'types') return generateDeclarations(request.jobs, claimFrom(request.claims));
  const routeFile = loadValidators().routeFile;
  return request.texts.map((text) => checkFileText(text, routeFile));
}

parentPort?.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
