// The compile worker: a second thread for the CPU-heavy, independent part of a big compile, parsing
// route files. Bundled as compiler/dist/worker.cjs.
import { parentPort } from 'node:worker_threads';
import { loadValidators } from '../validate/ajv-setup';
import { checkFileText } from './file-check';

export type WorkerRequest = { id: number; kind: 'parse'; texts: string[] };

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    const routeFile = loadValidators().routeFile;
    parentPort!.postMessage({ id: request.id, result: request.texts.map((text) => checkFileText(text, routeFile)) });
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).message });
  }
});
