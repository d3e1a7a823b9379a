/**
 * The editor toolbar's edits over the stored Markdown, as pure functions: given the text and
 * the selection, each answers the new text and what to select afterwards, so staff press
 * 标题 / 加粗 / 列表 / 链接 / 图片 and never type a Markdown mark themselves.
 */
export interface TextEdit {
  text: string;
  /** Selection after the edit (start === end is a cursor). */
  start: number;
  end: number;
}

const clamp = (text: string, start: number, end: number): [number, number] => {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(0, Math.min(end, text.length));
  return a <= b ? [a, b] : [b, a];
};

/** The whole lines the selection touches: a heading or list mark belongs at a line's start. */
function lineRange(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end);
  return [from, newline === -1 ? text.length : newline];
}

/** **selection**; with nothing selected, a placeholder that is selected so typing replaces it. */
export function toggleBold(text: string, start: number, end: number): TextEdit {
  const [a, b] = clamp(text, start, end);
  const selected = text.slice(a, b);
  // Pressing 加粗 again on bold text takes the marks off again.
  if (text.slice(a - 2, a) === '**' && text.slice(b, b + 2) === '**')
    return { text: text.slice(0, a - 2) + selected + text.slice(b + 2), start: a - 2, end: b - 2 };
  const inner = selected || '加粗文字';
  return { text: `${text.slice(0, a)}**${inner}**${text.slice(b)}`, start: a + 2, end: a + 2 + inner.length };
}

/** Each touched line becomes a 小标题 (## ); pressed on a heading, it becomes plain text again. */
export function toggleHeading(text: string, start: number, end: number): TextEdit {
  const [a, b] = clamp(text, start, end);
  const [from, to] = lineRange(text, a, b);
  const lines = text.slice(from, to).split('\n');
  const allHeadings = lines.every((line) => /^#{1,6} /.test(line));
  const changed = lines.map((line) => (allHeadings ? line.replace(/^#{1,6} /, '') : `## ${line.replace(/^#{1,6} /, '') || '小标题'}`));
  const block = changed.join('\n');
  return { text: text.slice(0, from) + block + text.slice(to), start: from, end: from + block.length };
}

/** Each touched line becomes a list item (- ); pressed on a list, the marks come off. */
export function toggleList(text: string, start: number, end: number): TextEdit {
  const [a, b] = clamp(text, start, end);
  const [from, to] = lineRange(text, a, b);
  const lines = text.slice(from, to).split('\n');
  const allItems = lines.every((line) => /^[-*] /.test(line));
  const changed = lines.map((line) => (allItems ? line.replace(/^[-*] /, '') : `- ${line || '列表项'}`));
  // A list directly under a paragraph line would be read as part of it: keep a blank line before.
  const before = text.slice(0, from);
  const gap = !allItems && before && !before.endsWith('\n\n') && !/^[-*] /.test(before.split('\n').at(-2) ?? '') ? '\n' : '';
  const block = changed.join('\n');
  return { text: before + gap + block + text.slice(to), start: from + gap.length, end: from + gap.length + block.length };
}

/** [selection](url); with nothing selected the address itself is the link's text. */
export function insertLink(text: string, start: number, end: number, url: string, label?: string): TextEdit {
  const [a, b] = clamp(text, start, end);
  const shown = (text.slice(a, b) || label || url).replace(/[[\]]/g, '');
  const link = `[${shown}](${url.trim()})`;
  return { text: text.slice(0, a) + link + text.slice(b), start: a + link.length, end: a + link.length };
}

/** ![alt](imageId) on a line of its own at the cursor, replacing any selection. */
export function insertImage(text: string, start: number, end: number, imageId: string, alt = '图片'): TextEdit {
  const [a, b] = clamp(text, start, end);
  const before = text.slice(0, a);
  const after = text.slice(b);
  const lead = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = after && !after.startsWith('\n\n') ? (after.startsWith('\n') ? '\n' : '\n\n') : '';
  const image = `![${alt.replace(/[[\]]/g, '')}](${imageId})`;
  const cursor = before.length + lead.length + image.length;
  return { text: before + lead + image + trail + after, start: cursor, end: cursor };
}
