// Small builders for the route-file JSON Schema, so that the schema reads like the language reference.
// Every subschema carries a description: editors show it on hover and in completion lists.
export type Schema = { [key: string]: unknown };

export function str(description: string, extra: Schema = {}): Schema {
  return { type: 'string', description, ...extra };
}

export function bool(description: string): Schema {
  return { type: 'boolean', description };
}

export function int(description: string, extra: Schema = {}): Schema {
  return { type: 'integer', description, ...extra };
}

export function arrayOf(items: Schema, description: string, extra: Schema = {}): Schema {
  return { type: 'array', description, items, ...extra };
}

/** A closed object: unknown keys are errors (with a "did you mean"). */
export function obj(description: string, properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema {
  const schema: Schema = { type: 'object', description, additionalProperties: false, properties };
  if (required.length > 0) schema.required = required;
  return { ...schema, ...extra };
}

/** A map from a user-chosen name to a value. */
export function mapOf(description: string, namePattern: string, nameHint: string, value: Schema): Schema {
  return {
    type: 'object',
    description,
    propertyNames: { pattern: namePattern, 'x-hint': nameHint },
    additionalProperties: value,
  };
}

export function ref(name: string): Schema {
  return { $ref: `#/definitions/${name}` };
}

/** Exactly one of the given keys (a tagged union written as `kind: value`). */
export function oneKeyOf(keys: string[]): Schema[] {
  return keys.map((k) => ({ required: [k] }));
}
