// Ceiling and grant edits from the JSON editors. What the user typed is stored at once (never lost); the worker
// validates it; only a valid policy is put into effect, otherwise the errors are shown and the last valid policy
// stays in effect. Latest wins per editor.
import type { Ceiling, GrantRecord } from '../core/scenario/types.ts';
import type { CapabilityPolicy } from '../core/analysis/types.ts';
import type { CoreClient } from '../worker/client.ts';
import { useStore } from './store.ts';

/** A validated ceiling in the Scenario's normalized shape. */
export function normalizeCeiling(policy: CapabilityPolicy): Ceiling {
  // The fields the clamp does not read are kept whole (harn keeps them); only serde defaults are left out. In
  // harn's struct order, as the JSON view prints them.
  const out: Partial<Ceiling> = { tools: policy.tools ?? [], capabilities: policy.capabilities ?? {} };
  if (policy.workspace_roots && policy.workspace_roots.length > 0) out.workspace_roots = policy.workspace_roots;
  out.side_effect_level = policy.side_effect_level ?? null;
  if (policy.recursion_limit !== undefined && policy.recursion_limit !== null) out.recursion_limit = policy.recursion_limit;
  if (policy.tool_arg_constraints && policy.tool_arg_constraints.length > 0) out.tool_arg_constraints = policy.tool_arg_constraints;
  if (policy.tool_annotations && Object.keys(policy.tool_annotations).length > 0) out.tool_annotations = policy.tool_annotations;
  return out as Ceiling;
}

/** The ceiling as the JSON editor shows it when the user has no draft: serde's defaults (an empty `tools` list or
 * `capabilities` map, a null `side_effect_level`) left out, as harn's own literals leave them out — so showing a
 * policy adds nothing the author did not write. */
export function ceilingText(ceiling: Ceiling | null): string {
  if (ceiling === null) return '';
  const shown = Object.fromEntries(
    Object.entries(ceiling).filter(([field, value]) => {
      if (field === 'tools') return Array.isArray(value) && value.length > 0;
      if (field === 'capabilities') return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
      return value !== null && value !== undefined;
    }),
  );
  return JSON.stringify(shown, null, 2);
}

/** The grant as the JSON editor shows it when the user has no draft. */
export function grantText(grant: GrantRecord[] | null): string {
  return grant === null ? '' : JSON.stringify(grant, null, 2);
}

const ceilingRequests = new Map<string, number>();
let grantRequest = 0;

/** The user typed `text` into `child`'s ceiling JSON editor. */
export async function editCeilingText(client: Pick<CoreClient, 'parseCeiling'>, child: string, text: string): Promise<void> {
  const store = useStore.getState();
  store.setCeilingDraft(child, { text, errors: store.ceilingDrafts.get(child)?.errors ?? [] });
  const id = (ceilingRequests.get(child) ?? 0) + 1;
  ceilingRequests.set(child, id);
  const result = await client.parseCeiling(text);
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
export async function editGrantText(client: Pick<CoreClient, 'effectsFromJson'>, text: string): Promise<void> {
  const store = useStore.getState();
  store.setGrantDraft({ text, errors: store.grantDraft?.errors ?? [] });
  const id = ++grantRequest;
  if (text.trim() === '') {
    store.setGrantDraft({ text, errors: [] });
    store.setGrant(null);
    return;
  }
  const result = await client.effectsFromJson(text);
  if (id !== grantRequest || useStore.getState().grantDraft?.text !== text) return;
  const now = useStore.getState();
  now.setGrantDraft({ text, errors: result.errors });
  if (result.value !== null) now.setGrant(result.value as unknown as GrantRecord[]);
}

/** Checks every draft again (restored with a session: one saved before its check came back holds older errors). */
export function recheckDrafts(client: Pick<CoreClient, 'parseCeiling' | 'effectsFromJson'>): void {
  const { ceilingDrafts, grantDraft } = useStore.getState();
  for (const [child, draft] of ceilingDrafts) void editCeilingText(client, child, draft.text);
  if (grantDraft) void editGrantText(client, grantDraft.text);
}

/** Shows the ceiling in effect in `child`'s text editor as JSON or as a Harn dict literal (the same policy). A draft
 * with errors is not the policy in effect, so it is kept as typed, never replaced: returns why, or null when shown. */
export async function showCeilingAs(client: Pick<CoreClient, 'policyToHarn'>, child: string, syntax: 'json' | 'harn'): Promise<string | null> {
  const kept = keptDraftNotice(child);
  if (kept) return kept;
  const ceiling = useStore.getState().scenario.children.find((c) => c.name === child)?.ceiling ?? null;
  const text = syntax === 'json' || ceiling === null ? ceilingText(ceiling) : await client.policyToHarn(ceiling);
  // The author may have typed while the worker wrote the Harn text: what they typed wins.
  if (keptDraftNotice(child)) return keptDraftNotice(child);
  useStore.getState().setCeilingDraft(child, { text, errors: [] });
  return null;
}

function keptDraftNotice(child: string): string | null {
  const errors = useStore.getState().ceilingDrafts.get(child)?.errors.length ?? 0;
  if (errors === 0) return null;
  return `Your text has ${errors === 1 ? 'an error' : `${errors} errors`} (listed below), so it is kept as you typed it, not replaced. Fix it first; until then the ceiling in effect stays as it was.`;
}

/** The ceiling in effect as `capability_policy: {…}` ('' when unconstrained), for "Copy as Harn". */
export async function ceilingAsHarn(client: Pick<CoreClient, 'policyToHarn'>, child: string): Promise<string> {
  const ceiling = useStore.getState().scenario.children.find((c) => c.name === child)?.ceiling ?? null;
  return ceiling === null ? '' : client.policyToHarn(ceiling);
}
