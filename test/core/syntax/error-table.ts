// The esbuild-style error table shared by the syntax tests: a failing input beside the clean input it differs from,
// checked as the first diagnostic's code, 1-based line and column, and message.
import { expect } from 'vitest';
import { createLineIndex, parse } from '../../../src/core/index.ts';

export type ErrorCase = [what: string, code: string, line: number, column: number, message: string, bad: string, good: string];

/** `bad`'s first diagnostic is exactly the expected one, and `good` parses with none. */
export function expectErrorCase(...[, code, line, column, message, bad, good]: ErrorCase): void {
  const first = parse(bad).diagnostics[0];
  expect(first).toBeDefined();
  const at = createLineIndex(bad).position(first!.span.start);
  expect({ code: first!.code, line: at.line, column: at.column, message: first!.message }).toEqual({ code, line, column, message });
  expect(parse(good).diagnostics).toEqual([]);
}
