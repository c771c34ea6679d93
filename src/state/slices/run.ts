// Run-side state (scheduler stepper, explorer). Placeholder: the run-side helper fills it in.
import type { SliceCreator } from '../storeTypes.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RunSlice {}

export const createRunSlice: SliceCreator<RunSlice> = () => ({});
