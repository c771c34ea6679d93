// The core worker's one link previewer (issue 30): the worker's script answers a link's preview with it before the
// rest of core has loaded (staged.worker.ts), and the whole protocol (core.worker.ts) asks it for the run next, so the
// preview's run is given to the trace the page asks for next instead of being simulated twice. Both stages import
// this module, and a module runs once per worker: they share the one previewer.
import { createLinkPreviewer } from '../core/scheduler/preview.ts';

export const linkPreviewer = createLinkPreviewer();
