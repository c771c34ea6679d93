// printTrace: one line per trace step, for tests (inline snapshots), the CLI and bug reports.
// Depends only on ./trace.ts and ./run.ts types, and ../report/escape.ts (a step's strings stay on its line).
import { escapeText } from '../report/escape.ts';
import type { TracedRun } from './run.ts';
import type { TraceStep } from './trace.ts';

function detail(step: TraceStep): string {
  switch (step.kind) {
    case 'swap':
      return `${step.direction} ${step.slot} ${step.installed}`;
    case 'install':
      return `${step.action} ${step.slot} ${step.before} -> ${step.after}`;
    case 'read':
      return `${step.access === 'pop' ? 'pop ' : ''}${step.slot} = ${step.observed}${step.crosswire ? ` (expected ${step.expected}) CROSS-WIRE` : ''}`;
    case 'check':
      return `${step.call}${step.target !== null ? ` ${step.target}` : ''} ${step.decision}${step.disagrees ? ` (preflight ${step.preflight})` : ''}${step.path !== null ? ` at ${step.path}` : ''}${step.session !== null ? ` as ${step.session}` : ''}`;
    case 'await':
      return step.awaitKind === 'join' ? 'join' : `${step.what} until t=${step.wakeAt}`;
    case 'spawn':
    case 'refuse':
      return step.child;
    case 'panic':
      return step.message;
    case 'poll-exit':
      return step.outcome === 'panic' && !step.restored ? 'panic (scope not restored)' : step.outcome;
    case 'outer-check':
      return step.clean ? 'clean' : `leaks ${step.leaks.join(', ')}`;
    default:
      return '';
  }
}

/** `#index t=clock task kind detail`, one line per step. */
export function printTrace(result: TracedRun | readonly TraceStep[]): string {
  const steps = Array.isArray(result) ? (result as readonly TraceStep[]) : (result as TracedRun).steps;
  return steps
    .map((step) =>
      `#${step.index} t=${step.snapshot.clock} ${step.task ?? 'outer'} ${step.kind} ${escapeText(detail(step))}`.trimEnd(),
    )
    .join('\n');
}
