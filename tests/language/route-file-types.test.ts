import { describe, it } from 'vitest';
import { join } from 'node:path';
import { ROUTE_FILE_TYPES_PATH, renderRouteFileTypes } from '../../compiler/language/route-file-types';
import { expectGolden } from '../support/golden';

describe('route-file types', () => {
  it('are generated from the route-file schema (no drift)', async () => {
    expectGolden(join(__dirname, '../..', ROUTE_FILE_TYPES_PATH), await renderRouteFileTypes());
  });
});
