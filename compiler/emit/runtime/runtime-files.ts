// generated/runtime/: the code generated modules share, rendered from compiler/emit/templates/runtime/:
//   types.ts      Envelope, Without, At, Stringable (helper types of events and handler types)
//   sender.ts     batched PutEvents with retries of failed entries (the publisher sends through it)
//   publisher.ts  detail validation (ajv, lazily per event type) and entries for the typed publisher
//   testing.ts    a Lambda context and SQS records for handler tests
import { tsHeader } from '../marker';
import { renderTemplate, templateSource } from '../render-template';
import { contentKey, openMemo } from '../ts/memo-cache';
import type { Emitter } from '../types';

export const RUNTIME_DIR = 'generated/runtime';
export const RUNTIME_TYPES_PATH = `${RUNTIME_DIR}/types.ts`;
export const RUNTIME_SENDER_PATH = `${RUNTIME_DIR}/sender.ts`;
export const RUNTIME_PUBLISHER_PATH = `${RUNTIME_DIR}/publisher.ts`;
export const RUNTIME_TESTING_PATH = `${RUNTIME_DIR}/testing.ts`;

/** The sender's settings, written into sender.ts. */
export const SENDER_SETTINGS = {
  maxEntries: 10,
  maxBytes: 256 * 1024,
  retryableCodes: ['ThrottlingException', 'InternalFailure', 'InternalException', 'ServiceUnavailable', 'ServiceUnavailableException'],
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 5000,
} as const;

const FILES: readonly { path: string; template: string; data?: Record<string, unknown> }[] = [
  { path: RUNTIME_TYPES_PATH, template: 'runtime/types.ts.hbs' },
  {
    path: RUNTIME_SENDER_PATH,
    template: 'runtime/sender.ts.hbs',
    data: { ...SENDER_SETTINGS, retryableCodes: SENDER_SETTINGS.retryableCodes.map((c) => `'${c}'`).join(', ') },
  },
  { path: RUNTIME_PUBLISHER_PATH, template: 'runtime/publisher.ts.hbs' },
  { path: RUNTIME_TESTING_PATH, template: 'runtime/testing.ts.hbs' },
];

/** Memoized by template text and data, so that an unchanged compiler does not load handlebars for them. */
export const emitRuntimeFiles: Emitter = async (_model, context) => {
  const memo = openMemo(context.cacheDir, 'runtime-files');
  const files = await Promise.all(
    FILES.map(async (f) => {
      const data = { header: tsHeader(`compiler/emit/templates/${f.template}`).trimEnd(), ...f.data };
      const key = contentKey([templateSource(f.template), data]);
      let content = memo.get(key);
      if (content === undefined) {
        content = await renderTemplate(f.template, data);
        memo.set(key, content);
      }
      return { path: f.path, content, ownership: 'generated' as const, key };
    }),
  );
  memo.save();
  return files;
};
