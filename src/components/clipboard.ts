/**
 * Copies text to the clipboard; resolves false where the page may not (no Clipboard API outside
 * secure contexts and in some iframes, or the browser refused), so the caller can offer the
 * text to copy by hand instead.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
