// L413: a call whose resource argument is a variable (`write_file(target, …)`). harn's analysis takes an
// identifier argument's own text as the resource (`LiteralValue::as_str` on an Identifier), not the variable's
// value, so the effect reads `fs:write (target)` and only a record for "target" covers it. Said where it happens.
// Pure: depends on ./effects.ts and ../syntax.
import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { SNode } from '../syntax/ast.ts';
import { builtinEffect, effectRecordSummary, forEachNodePreOrder } from './effects.ts';

/** The sentence shared by the lint and the hover. */
export function variableResourceNote(name: string): string {
  return `"${name}" is the argument's text: harn takes a variable's name as the resource, not its value`;
}

/** One L413 warning per file or network builtin call whose first argument is a bare identifier that harn reads as the resource. */
export function variableResourceLints(program: readonly SNode[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The shared pre-order walk (an explicit stack): a program may nest as deep as the parser allows.
  forEachNodePreOrder(program, (node) => {
    if (node.kind !== 'FunctionCall') return;
    const first = node.args[0];
    const effect = builtinEffect(node.name);
    // Files and URLs: where a policy author writes the path the variable holds. (spawn_agent(name) in a fan-out
    // loop is as harn computes it too, but the lessons spawn that way on purpose and a grant names the children.)
    if (first?.kind === 'Identifier' && effect && (effect.kind.kind === 'fs' || effect.kind.kind === 'net')) {
      const summary = effectRecordSummary({ ...effect, resource: first.name });
      out.push(createDiagnostic('L413', `${summary}: ${variableResourceNote(first.name)}, so only a grant record for "${first.name}" covers this call`, node.span));
    }
  });
  return out;
}
