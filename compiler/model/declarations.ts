// Collects every named declaration of every route file into one table per kind, and reports names
// declared twice (across files) and names that would collide as construct ids.
import { escapePointerToken } from '../diagnostics/pointer';
import type { Bucket, Bus, EventType, Notification, Queue, LogGroup, ApiDestination, Route, Source, Table, Defaults } from '../language/route-file.types';
import { isTrusted, untrustedItems, type Declaration, type Reporter, type RouteFileInput } from './context';
import { constructId } from './ids';

/** Lists of a route whose items are checked one by one (see untrustedItems). */
const ROUTE_ITEM_LISTS = ['targets', 'tests'];

export interface Declarations {
  buses: Map<string, Declaration<Bus>>;
  events: Map<string, Declaration<EventType>>;
  sources: Map<string, Declaration<Source>>;
  routes: Map<string, Declaration<Route>>;
  notifications: Map<string, Declaration<Notification>>;
  queues: Map<string, Declaration<Queue>>;
  logs: Map<string, Declaration<LogGroup>>;
  apiDestinations: Map<string, Declaration<ApiDestination>>;
  tables: Map<string, Declaration<Table>>;
  buckets: Map<string, Declaration<Bucket>>;
  project: Declaration<string> | undefined;
  defaults: Declaration<Defaults> | undefined;
}

type Section = 'buses' | 'events' | 'sources' | 'routes' | 'notifications' | 'queues' | 'logs' | 'apiDestinations' | 'tables' | 'buckets';
const SECTIONS: Section[] = ['buses', 'events', 'sources', 'routes', 'notifications', 'queues', 'logs', 'apiDestinations', 'tables', 'buckets'];
/** Plural of each kind word (for "names of buses are unique"). */
const PLURAL: Record<string, string> = { bus: 'buses' };
const plural = (word: string): string => PLURAL[word] ?? `${word}s`;

const KIND_WORDS: Record<Section, string> = {
  buses: 'bus',
  events: 'event type',
  sources: 'event type',
  routes: 'route',
  notifications: 'notification topic',
  queues: 'queue',
  logs: 'log group',
  apiDestinations: 'API destination',
  tables: 'table',
  buckets: 'bucket',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function collectDeclarations(files: readonly RouteFileInput[], reporter: Reporter, locate?: (file: string, pointer: string) => { line: number; column: number } | undefined): Declarations {
  const where = (decl: Declaration<unknown>): string => {
    const at = locate?.(decl.file, decl.pointer);
    return at ? `${decl.file}:${at.line}:${at.column}` : decl.file;
  };
  const d: Declarations = {
    buses: new Map(), events: new Map(), sources: new Map(), routes: new Map(), notifications: new Map(),
    queues: new Map(), logs: new Map(), apiDestinations: new Map(), tables: new Map(), buckets: new Map(),
    project: undefined, defaults: undefined,
  };
  const firstOf = (section: Section, name: string): Declaration<unknown> | undefined =>
    section === 'events' || section === 'sources' ? d.events.get(name) ?? d.sources.get(name) : (d[section] as Map<string, Declaration<unknown>>).get(name);

  for (const file of files) {
    const value = file.value as unknown;
    if (!isRecord(value)) continue;
    for (const key of ['project', 'defaults'] as const) {
      if (value[key] === undefined) continue;
      const existing = d[key];
      if (existing) {
        reporter.report(file.path, `/${key}`, 'ER3013', `\`${key}\` is set again here; it was already set in ${existing.file}`, `keep \`${key}\` in one route file (e.g. routes/platform.yaml) and remove it here`, { atKey: true });
      } else if (key === 'project') {
        d.project = { name: key, file: file.path, pointer: '/project', value: String(value.project), trusted: isTrusted(file, '/project') };
      } else {
        d.defaults = { name: key, file: file.path, pointer: '/defaults', value: value.defaults as Defaults, trusted: isTrusted(file, '/defaults') };
      }
    }
    for (const section of SECTIONS) {
      const entries = value[section];
      if (!isRecord(entries)) continue;
      for (const [name, entry] of Object.entries(entries)) {
        const pointer = `/${section}/${escapePointerToken(name)}`;
        const previous = firstOf(section, name);
        if (previous) {
          reporter.report(
            file.path,
            pointer,
            'ER3001',
            `${KIND_WORDS[section]} "${name}" is declared twice; the first is in ${where(previous)}`,
            `names of ${plural(KIND_WORDS[section])} are unique across all route files: rename one, or remove the duplicate`,
            { atKey: true },
          );
          continue;
        }
        const trusted = isTrusted(file, pointer);
        // A route whose shape errors are all in some targets or tests is checked without those.
        const skip = !trusted && section === 'routes' ? untrustedItems(file, pointer, ROUTE_ITEM_LISTS) : undefined;
        (d[section] as Map<string, Declaration<unknown>>).set(name, { name, file: file.path, pointer, value: entry, trusted: trusted || skip !== undefined, ...(skip ? { skip } : {}) });
      }
    }
  }
  checkIdCollisions(d, reporter);
  return d;
}

/** Names that differ only in punctuation would share a construct id: report the later ones. */
function checkIdCollisions(d: Declarations, reporter: Reporter): void {
  const groups: [string, Map<string, Declaration<unknown>>[]][] = [
    ['route', [d.routes]],
    ['event type', [d.events, d.sources]],
    ['bus', [d.buses]],
    ['notification topic', [d.notifications]],
    ['queue', [d.queues]],
    ['log group', [d.logs]],
    ['API destination', [d.apiDestinations]],
    ['table', [d.tables]],
    ['bucket', [d.buckets]],
  ];
  for (const [word, maps] of groups) {
    const seen = new Map<string, Declaration<unknown>>();
    for (const map of maps) {
      for (const decl of [...map.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const id = constructId(decl.name).toLowerCase();
        const other = seen.get(id);
        if (other && other.name !== decl.name) {
          reporter.report(decl.file, decl.pointer, 'ER3020', `${word} name "${decl.name}" collides with "${other.name}" (${other.file}): both become the construct id "${constructId(decl.name)}"`, 'rename one so that the names differ in letters or digits, not only in punctuation or case', { atKey: true });
        } else seen.set(id, decl);
      }
    }
  }
}
