// Names and literals of generated code.
import { describe, expect, it } from 'vitest';
import { camelCase, docComment, importPath, jsonLiteralType, literalType, pascalCase, propertyKey, stringLiteral, templateLiteralType, valueExpression } from '../../../compiler/emit/ts/names';

describe('names', () => {
  const pascal: { given: string; want: string }[] = [
    { given: 'score-fraud', want: 'ScoreFraud' },
    { given: 'orders/score-fraud', want: 'OrdersScoreFraud' },
    { given: 'com.acme.orders', want: 'ComAcmeOrders' },
    { given: 'orderPlaced', want: 'OrderPlaced' },
    { given: '3d-print', want: '_3dPrint' },
  ];
  for (const { given, want } of pascal) it(`pascalCase(${given})`, () => expect(pascalCase(given)).toBe(want));

  it('camelCase avoids reserved words', () => {
    expect(camelCase('OrderPlaced')).toBe('orderPlaced');
    expect(camelCase('Delete')).toBe('delete_');
  });

  it('quotes what is not an identifier', () => {
    expect(propertyKey('orderId')).toBe('orderId');
    expect(propertyKey('detail-type')).toBe("'detail-type'");
    expect(stringLiteral(`it's "x"\n\\`)).toBe(`'it\\'s "x"\\n\\\\'`);
  });

  it('spells literal types', () => {
    expect(literalType('EUR')).toBe("'EUR'");
    expect(literalType(-1.5)).toBe('-1.5');
    expect(literalType(null)).toBe('null');
    expect(jsonLiteralType({ a: [1, 'x'], 'b-c': { d: false } })).toBe("{ a: [1, 'x']; 'b-c': { d: false } }");
    expect(templateLiteralType([{ text: 'a`${' }, { hole: 'string' }, { text: '\\' }])).toBe('`a\\`\\${${string}\\\\`');
  });

  it('writes values over lines for the printer', () => {
    expect(valueExpression({ a: [1, 2], b: { c: 'x' }, d: undefined, e: [] })).toBe("{\na: [1, 2],\nb: {\nc: 'x',\n},\nd: undefined,\ne: [],\n}");
  });

  it('writes doc comments that cannot end early', () => {
    expect(docComment('one line */ here')).toBe('/** one line *\\/ here */\n');
    expect(docComment('a\n\nb')).toBe('/**\n * a\n *\n * b\n */\n');
    expect(docComment('  ')).toBe('');
  });

  it('computes import paths', () => {
    expect(importPath('generated/handlers/orders/score-fraud.ts', 'generated/runtime/types.ts')).toBe('../../runtime/types');
    expect(importPath('generated/publish.ts', 'generated/runtime/sender.ts')).toBe('./runtime/sender');
  });
});
