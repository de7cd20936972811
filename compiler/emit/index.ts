// Every emitter, in one list: `compile` runs them all and writes their files.
import { emitEventTypes } from './events/event-types';
import { emitHandlerStubs } from './handlers/handler-stubs';
import { emitHandlerTypes } from './handlers/handler-types';
import { emitModelJson } from './model-json';
import { emitPublisher } from './publisher/publisher';
import { emitRouteFileSchema } from './route-file-schema';
import { emitRuntimeFiles } from './runtime/runtime-files';
import type { EmitContext, Emitter, GeneratedFile } from './types';
import type { RouteModel } from '../model/types';

export const emitters: readonly Emitter[] = [emitModelJson, emitRouteFileSchema, emitEventTypes, emitRuntimeFiles, emitHandlerTypes, emitPublisher, emitHandlerStubs];

export { emitEventTypes };

/** Every emitter's files; `started`: emitters already running (see pipeline/check.ts, afterModel), by emitter. */
export async function emitAll(model: RouteModel, context: EmitContext, started?: ReadonlyMap<Emitter, Promise<GeneratedFile[]>>): Promise<GeneratedFile[]> {
  const files = (await Promise.all(emitters.map((emit) => started?.get(emit) ?? emit(model, context)))).flat();
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters produce ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
