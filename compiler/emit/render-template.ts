// Handlebars templates of generated code (compiler/emit/templates/**/*.hbs): read and compiled on
// first use, then cached, so that handlebars is loaded only when some emitter renders. Templates are
// read from disk next to the sources (tests) or next to the command-line bundle (compiler/dist/).
// Rendering never HTML-escapes (the output is code) and fails on a missing value (strict).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Template = (data: object) => string;
type HandlebarsModule = typeof import('handlebars');

let handlebars: HandlebarsModule | undefined;
const compiled = new Map<string, Template>();

/** The templates folder: beside this file in the sources, ../emit/templates from compiler/dist/. */
export function templatesDir(): string {
  const candidates = [join(__dirname, 'templates'), join(__dirname, '..', 'emit', 'templates')];
  const found = candidates.find((dir) => existsSync(join(dir, 'runtime', 'sender.ts.hbs')));
  if (!found) throw new Error(`the code templates are missing: looked in ${candidates.join(' and ')} (compiler/emit/templates/ belongs next to compiler/dist/)`);
  return found;
}

async function load(): Promise<HandlebarsModule> {
  if (!handlebars) {
    const mod = (await import('handlebars')) as HandlebarsModule & { default?: HandlebarsModule };
    handlebars = mod.default ?? mod;
  }
  return handlebars;
}

/** Renders template `name` (a path under templates/, e.g. "runtime/sender.ts.hbs") with `data`. */
export async function renderTemplate(name: string, data: object): Promise<string> {
  let template = compiled.get(name);
  if (!template) {
    const hbs = await load();
    const source = readFileSync(join(templatesDir(), name), 'utf8');
    template = hbs.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(data);
}
