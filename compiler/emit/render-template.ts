// Handlebars templates of generated code (compiler/emit/templates/**/*.hbs): read and compiled on
// first use, then cached, so that handlebars is loaded only when some emitter renders. Templates are
// read from disk next to the sources (tests) or next to the command-line bundle (compiler/dist/).
// Rendering never HTML-escapes (the output is code) and fails on a missing value (strict).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Template = (data: object) => string;
type HandlebarsModule = typeof import('handlebars');

let handlebars: Promise<HandlebarsModule> | undefined;
let dir: string | undefined;
/** Compiled templates by name; promises, so that concurrent renders compile each template once. */
const compiled = new Map<string, Promise<Template>>();

/** The templates folder: beside this file in the sources, ../emit/templates from compiler/dist/. */
export function templatesDir(): string {
  if (dir !== undefined) return dir;
  const candidates = [join(__dirname, 'templates'), join(__dirname, '..', 'emit', 'templates')];
  const found = candidates.find((d) => existsSync(join(d, 'runtime', 'sender.ts.hbs')));
  if (!found) throw new Error(`the code templates are missing: looked in ${candidates.join(' and ')} (compiler/emit/templates/ belongs next to compiler/dist/)`);
  dir = found;
  return found;
}

/** Loaded with require, not import(): see emit/ts/schema-to-ts.ts (loadCompile). */
function load(): Promise<HandlebarsModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  handlebars ??= Promise.resolve().then(() => require('handlebars') as HandlebarsModule & { default?: HandlebarsModule }).then((mod) => mod.default ?? mod);
  return handlebars;
}

const sources = new Map<string, string>();

/** The text of template `name` (read once): part of the memo keys of what it renders. */
export function templateSource(name: string): string {
  let source = sources.get(name);
  if (source === undefined) {
    source = readFileSync(join(templatesDir(), name), 'utf8');
    sources.set(name, source);
  }
  return source;
}

async function compileTemplate(name: string): Promise<Template> {
  const hbs = await load();
  return hbs.compile(templateSource(name), { noEscape: true, strict: true });
}

/** Renders template `name` (a path under templates/, e.g. "runtime/sender.ts.hbs") with `data`. */
export async function renderTemplate(name: string, data: object): Promise<string> {
  let template = compiled.get(name);
  if (!template) {
    template = compileTemplate(name);
    compiled.set(name, template);
  }
  return (await template)(data);
}
