// The gallery's path (issue 28): the lessons and the challenges in three groups — scope lessons, policy lessons,
// challenges — each in its order with the entry to start at. Every lesson is in exactly one group (a test checks).
// Pure data; depends on ../examples (the lessons) and ./campaign.ts.
import { EXAMPLES } from '../examples/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { CHALLENGES } from './campaign.ts';

/** One card of the gallery: a lesson or a challenge, and the scenario it opens. */
export interface GalleryEntry {
  kind: 'lesson' | 'challenge';
  id: string;
  title: string;
  /** A lesson's two sentences; a challenge's note (what to find). */
  explanation: string;
  /** Challenges only: easy, medium or hard. */
  level: 'easy' | 'medium' | 'hard' | null;
  scenario: Scenario;
}

export interface GalleryGroup {
  id: 'scope' | 'policy' | 'challenges';
  title: string;
  /** One sentence on what the group teaches. */
  intro: string;
  /** The id of the entry to start at (the first). */
  startHere: string;
  entries: GalleryEntry[];
}

const SCOPE_ORDER = ['f1-cwd-env', 'f2-mutation-session', 'lifo-interleaving', 'panic-leak', 'bridge-depth-leak', 'three-way-fan-out', 'work-stealing', 'f3-forcing-function'];
const POLICY_ORDER = ['escalation', 'resource-mismatch', 'parent-grant'];

function lessons(ids: readonly string[]): GalleryEntry[] {
  return ids.map((id) => {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) throw new Error(`the gallery names a lesson that does not exist: ${id}`);
    return { kind: 'lesson', id, title: example.title, explanation: example.explanation, level: null, scenario: example.scenario };
  });
}

function group(id: GalleryGroup['id'], title: string, intro: string, entries: GalleryEntry[]): GalleryGroup {
  return { id, title, intro, startHere: entries[0]!.id, entries };
}

/** The gallery, in order: scope lessons, policy lessons, challenges. */
export const GALLERY: readonly GalleryGroup[] = [
  group('scope', 'Scope lessons', 'How a task’s ambient scope cross-wires when it is not swapped on every poll, and how the fix holds.', lessons(SCOPE_ORDER)),
  group('policy', 'Policy lessons', 'Ceilings, grants and the subset check that refuses a child at spawn.', lessons(POLICY_ORDER)),
  group(
    'challenges',
    'Challenges: play the scheduler',
    'Each has a goal; pick which ready task runs next until the run meets it.',
    CHALLENGES.map((c) => ({ kind: 'challenge', id: c.id, title: c.title, explanation: c.scenario.goal!.note, level: c.level, scenario: c.scenario })),
  ),
];
