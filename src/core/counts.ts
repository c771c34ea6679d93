// Counts as a person reads them: "50,000", the en-US grouping. Pure. Integers are grouped here, without Intl: the
// first `toLocaleString` of a thread sets up its number formatting, tens of milliseconds on a loaded machine, and a
// module that words its limits when it loads (the scenario schema) must not put that on the way to a link's first
// sentence (issue 30). Anything else (a fraction, an infinity) is formatted by Intl as before.

/** `n` with its thousands grouped as en-US does (`1234567` → `1,234,567`). */
export function groupedCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}
