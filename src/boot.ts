// The page's first script: starts the core worker and hands it the link in the address bar, so the link is decoded
// and its run simulated while React and Monaco load (issue 30). A build loads it as a script of its own ahead of the
// app's (vite.config.ts), so it runs as soon as its few kilobytes arrive, while the app's larger script still loads.
import { startEarlyLink } from './ui/share/earlyLink.ts';

startEarlyLink(window.location);
