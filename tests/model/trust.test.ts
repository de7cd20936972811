// A declaration with an unknown key (a typo, ER2001) is still built, so that its other fields are
// checked in the same run; any other shape error keeps it out.
import { describe, expect, it } from 'vitest';
import { isTrusted, type RouteFileInput } from '../../compiler/model/context';
import type { RouteFile } from '../../compiler/language/route-file.types';

const file = (shapeErrors: string[]): RouteFileInput => ({ path: 'routes/a.yaml', value: {} as RouteFile, shapeErrors });

describe('isTrusted', () => {
  it('ignores keys the language does not define', () => {
    expect(isTrusted(file(['/routes/r/descripton']), '/routes/r')).toBe(true);
    expect(isTrusted(file(['/routes/r/targets/0/notfy']), '/routes/r')).toBe(true);
    expect(isTrusted(file(['/sources/E/ec2/state']), '/sources/E')).toBe(true);
    expect(isTrusted(file(['/queues/q/consumer/bogus']), '/queues/q')).toBe(true);
  });

  it('does not ignore other shape errors', () => {
    expect(isTrusted(file(['/routes/r/description']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes/r/targets/0/memory']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes/r']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes/bad name']), '/routes/bad name')).toBe(false);
  });

  it('is not affected by other declarations', () => {
    expect(isTrusted(file(['/routes/other/description']), '/routes/r')).toBe(true);
  });
});
