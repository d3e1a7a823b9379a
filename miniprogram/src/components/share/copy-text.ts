/**
 * Copies text in a browser: the Clipboard API where the page may use it (a secure context, a
 * tap), else a selected, off-screen textarea and execCommand('copy') (older webviews, plain
 * http). Answers whether either worked, so the page can say 已复制 or show the link to copy by hand.
 */
export async function copyText(text: string, nav: Pick<Navigator, 'clipboard'> = navigator, doc: Document = document): Promise<boolean> {
  try {
    if (nav.clipboard?.writeText) {
      await nav.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, no focus): the old way may still work.
  }
  return copyBySelection(text, doc);
}

function copyBySelection(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    doc.body.removeChild(area);
  }
}
