// Ceiling and grant edits from the JSON editors. What the user typed is stored at once (never lost); the worker
// validates it; only a valid policy is put into effect, otherwise the errors are shown and the last valid policy
// stays in effect. Latest wins per editor.
import type { Ceiling, GrantRecord } from '../core/scenario/types.ts';
import type { CapabilityPolicy } from '../core/analysis/types.ts';
import type { CoreBackend } from './backend.ts';
import { useStore } from './store.ts';

/** A validated ceiling in the Scenario's normalized shape. */
export function normalizeCeiling(policy: CapabilityPolicy): Ceiling {
  return { capabilities: policy.capabilities ?? {}, side_effect_level: policy.side_effect_level ?? null, tools: policy.tools ?? [] };
}

/** The ceiling as the JSON editor shows it when the user has no draft. */
export function ceilingText(ceiling: Ceiling | null): string {
  return ceiling === null ? '' : JSON.stringify(ceiling, null, 2);
}

/** The grant as the JSON editor shows it when the user has no draft. */
export function grantText(grant: GrantRecord[] | null): string {
  return grant === null ? '' : JSON.stringify(grant, null, 2);
}

const ceilingRequests = new Map<string, number>();
let grantRequest = 0;

/** The user typed `text` into `child`'s ceiling JSON editor. */
export async function editCeilingText(backend: Pick<CoreBackend, 'parseCeiling'>, child: string, text: string): Promise<void> {
  const store = useStore.getState();
  store.setCeilingDraft(child, { text, errors: store.ceilingDrafts.get(child)?.errors ?? [] });
  const id = (ceilingRequests.get(child) ?? 0) + 1;
  ceilingRequests.set(child, id);
  const result = await backend.parseCeiling(text);
  if (ceilingRequests.get(child) !== id) return;
  const now = useStore.getState();
  if (now.ceilingDrafts.get(child)?.text !== text) return;
  now.setCeilingDraft(child, { text, errors: result.errors, warnings: result.warnings });
  if (result.errors.length === 0) now.setCeiling(child, result.value ? normalizeCeiling(result.value) : null);
}

/** The ceiling form changed: the form's ceiling takes effect and any JSON draft is replaced by it. */
export function editCeilingForm(child: string, ceiling: Ceiling | null): void {
  const store = useStore.getState();
  store.setCeiling(child, ceiling);
  store.setCeilingDraft(child, null);
}

/** The user typed `text` into the parent grant editor ('' = no explicit grant: the computed effects are used). */
export async function editGrantText(backend: Pick<CoreBackend, 'effectsFromJson'>, text: string): Promise<void> {
  const store = useStore.getState();
  store.setGrantDraft({ text, errors: store.grantDraft?.errors ?? [] });
  const id = ++grantRequest;
  if (text.trim() === '') {
    store.setGrantDraft({ text, errors: [] });
    store.setGrant(null);
    return;
  }
  const result = await backend.effectsFromJson(text);
  if (id !== grantRequest || useStore.getState().grantDraft?.text !== text) return;
  const now = useStore.getState();
  now.setGrantDraft({ text, errors: result.errors });
  if (result.value !== null) now.setGrant(result.value as unknown as GrantRecord[]);
}
