// "Download my work": the session as a scenario file (the CLI reads it: `harn-scope link FILE` gives its link back),
// or an unreadable save's raw text as it was stored. Nothing leaves the browser but the file the user saves.

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** Saves `text` as a file named `harn-scope-<what>-<date>.json` through a temporary object URL. */
export function downloadText(text: string, what: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `harn-scope-${what}-${stamp(new Date())}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads a scenario as pretty JSON. */
export function downloadScenario(scenario: unknown, what = 'session'): void {
  downloadText(`${JSON.stringify(scenario, null, 2)}\n`, what);
}

/** Downloads a Recent work entry: its scenario, or the raw text of a save that could not be read. */
export function downloadEntry(entry: { scenario: unknown; raw: string | null }): void {
  if (entry.scenario) downloadScenario(entry.scenario, 'recent-work');
  else downloadText(entry.raw ?? '', 'unreadable-session');
}
