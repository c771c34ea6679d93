// Small text helpers for the session's messages: a clause from core as a sentence, and a time of day.

/** `text` with a capital first letter and one closing full stop (core's messages are clauses). */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, '');
  return trimmed === '' ? '' : `${trimmed[0]!.toUpperCase()}${trimmed.slice(1)}.`;
}

/** "14:05" for today, "2 Dec 14:05" for another day (the user's locale decides nothing here: tests read it). */
export function clockTime(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const today = new Date(now).toDateString() === date.toDateString();
  if (today) return time;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getMonth()];
  return `${date.getDate()} ${month} ${time}`;
}
