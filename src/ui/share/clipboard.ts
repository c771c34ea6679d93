// Copying text for the user: true when it reached the clipboard, false when the page may not write it (the caller
// then shows the text in a field to copy by hand).
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
