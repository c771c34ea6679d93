// The store spreads its slices into one object, so a member two slices define would silently keep only the later
// one (as `setRunMode` once did, defined by the scenario and the run slice): no two slices may share a member name.
import { describe, expect, it } from 'vitest';
import { createAppStore, STORE_SLICES } from '../../src/state/store.ts';

/** Each slice's member names, from the slice creator run against a real store's set/get/api (creating a slice only
 * builds its object; nothing is called). */
function membersBySlice(): Map<string, string[]> {
  const store = createAppStore();
  const members = new Map<string, string[]>();
  for (const [name, create] of Object.entries(STORE_SLICES)) members.set(name, Object.keys(create(store.setState, store.getState, store)));
  return members;
}

describe('the store slices', () => {
  it('share no member name', () => {
    const owners = new Map<string, string[]>();
    for (const [slice, keys] of membersBySlice()) for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), slice]);
    const shared = [...owners].filter(([, slices]) => slices.length > 1).map(([key, slices]) => `${key}: ${slices.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('are all in the store: its members are exactly the union of theirs', () => {
    const union = [...membersBySlice().values()].flat().sort();
    expect(Object.keys(createAppStore().getState()).sort()).toEqual(union);
  });
});
