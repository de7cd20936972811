// Handlebars parse errors in one line: where, and what was expected (ER3034).
import { describe, expect, it } from 'vitest';
import { describeHandlebarsError, handlebarsProblem } from '../../compiler/validate/templates';

describe('handlebarsProblem', () => {
  it('accepts valid templates', () => {
    expect(handlebarsProblem('Order {{detail.orderId}} {{#if detail.x}}x{{/if}}')).toBeUndefined();
  });

  it('says where and what was expected', () => {
    expect(handlebarsProblem('{{#if x}')).toBe('at line 1, column 8 (after "{{#if x"): expected "}}" or a name, found an invalid character');
    expect(handlebarsProblem('{{#if x}}a')).toBe('at line 1, column 11 (after "{{#if x}}a"): expected a closing "{{/...}}", found the end of the template');
    expect(handlebarsProblem('{{#each a}}{{/if}}')).toBe("each doesn't match if - 1:3");
  });

  it('keeps other messages whole, on one line', () => {
    expect(describeHandlebarsError('something\nelse')).toBe('something else');
  });
});
