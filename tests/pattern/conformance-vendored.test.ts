// The vendored copy of the conformance data (tests/fixtures/conformance, for clean clones) is the
// same as the shared folder beside the repository, when that folder is here to compare with.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedConformanceDir, vendoredConformanceDir } from './conformance-data';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

describe('vendored conformance data', () => {
  it('holds the AWS-validated cases', () => {
    expect(files(join(vendoredConformanceDir, 'localstack-event-patterns/event_pattern_templates')).length).toBeGreaterThanOrEqual(116);
  });

  it.runIf(existsSync(sharedConformanceDir))('matches ../shared/conformance', () => {
    for (const file of files(sharedConformanceDir)) {
      const rel = relative(sharedConformanceDir, file);
      expect(readFileSync(join(vendoredConformanceDir, rel), 'utf8'), `${rel} differs: refresh the vendored copy`).toBe(readFileSync(file, 'utf8'));
    }
  });
});
