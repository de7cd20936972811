// The compile worker: a second thread for the CPU-heavy, independent parts of a big compile: parsing
// route files and checking values against schemas. Bundled as compiler/dist/worker.cjs.
import { parentPort } from 'node:worker_threads';
import { loadValidators } from '../validate/ajv-setup';
import { runLocally, type InstanceJob } from '../validate/instance-checks';
import { checkFileText } from './file-check';

export type WorkerRequest = { id: number; kind: 'parse'; texts: string[] } | { id: number; kind: 'instances'; jobs: InstanceJob[] };

parentPort?.on('message', async (request: WorkerRequest) => {
  try {
    if (request.kind === 'parse') {
      const routeFile = loadValidators().routeFile;
      parentPort!.postMessage({ id: request.id, result: request.texts.map((text) => checkFileText(text, routeFile)) });
    } else {
      parentPort!.postMessage({ id: request.id, result: await runLocally(request.jobs) });
    }
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).message });
  }
});
