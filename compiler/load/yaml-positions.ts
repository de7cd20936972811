// What the YAML loader's parts share: positions, located diagnostics and their order.
import type { Node } from 'yaml';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';

export interface Position {
  line: number;
  column: number;
}

/** A diagnostic the loader already knows the position of (YAML errors carry offsets, not pointers). */
export interface PositionedDiagnostic extends UnlocatedDiagnostic {
  position: Position;
}

export type YamlNode = Node | null | undefined;

export function sortByPosition(diagnostics: PositionedDiagnostic[]): PositionedDiagnostic[] {
  return diagnostics.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

export function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
