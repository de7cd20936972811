import { describe, expect, it } from 'vitest';
import { buildTestSystem, exampleModel } from '../support/system';

describe('schema registry (example system)', () => {
  const model = exampleModel();
  const system = buildTestSystem(model);
  const core = system.template(system.plan.coreStackName);

  it('has one registry with one JSONSchemaDraft4 schema per event type', () => {
    core.hasResourceProperties('AWS::EventSchemas::Registry', { RegistryName: 'acme-shop-events' });
    const schemas = Object.values(core.findResources('AWS::EventSchemas::Schema')) as { Properties: { SchemaName: string; Type: string; Content: string; RegistryName: unknown } }[];
    expect(schemas.map((s) => s.Properties.SchemaName).sort()).toEqual(model.eventTypes.map((e) => `${e.source}@${e.name}`).sort());
    for (const s of schemas) {
      expect(s.Properties.Type).toBe('JSONSchemaDraft4');
      expect(JSON.parse(s.Properties.Content).$schema).toBe('http://json-schema.org/draft-04/schema#');
      expect(s.Properties.Content.length).toBeLessThanOrEqual(100_000);
    }
  });
});
