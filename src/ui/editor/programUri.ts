// Each program has one Monaco model, addressed by a URI derived from its name.

export function programUri(name: string): string {
  return `file:///programs/${encodeURIComponent(name)}.harn`;
}

/** The program name of a model URI from {@link programUri}, or null for any other model. */
export function programFromUri(uri: string): string | null {
  const match = /^file:\/\/\/programs\/(.*)\.harn$/.exec(uri);
  return match ? decodeURIComponent(match[1]!) : null;
}
