import { NEWS_BODY_STYLE } from '../../../../../../shared/news/news-body-style';
import { NEWS_LINK_DOMAINS } from '../../../../../../shared/news/news-limits';

/**
 * The live preview's nodes: the Markdown subset the server's sanitizer accepts
 * (functions/src/features/news/domain/sanitize-markdown.ts), turned into the same RichText
 * node shapes and fixed styles, so NewsBody shows while typing what readers will see. The
 * server stays the authority (it sanitizes again on save; 预览 shows its own nodes); this
 * is a small re-implementation because markdown-it would weigh on the news subpackage.
 */
export type PreviewNode = { type: 'text'; text: string } | { name: string; attrs?: Record<string, string>; children?: PreviewNode[] };

const element = (name: string, children: PreviewNode[] = [], attrs: Record<string, string> = {}): PreviewNode => {
  const style = NEWS_BODY_STYLE[name];
  return { name, attrs: style ? { ...attrs, style } : attrs, children };
};

/** https only, to an allowed domain or its subdomain (no URL class in the weapp runtime). */
export function isAllowedLink(href: string): boolean {
  const match = /^https:\/\/([^/?#@:]+)(:\d+)?([/?#]|$)/i.exec(href.trim());
  if (!match) return false;
  const host = match[1].toLowerCase();
  return NEWS_LINK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

const INLINE = [
  { kind: 'image', re: /!\[([^\]]*)\]\(([^)\s]+)\)/ },
  { kind: 'link', re: /\[([^\]]+)\]\(([^)\s]+)\)/ },
  { kind: 'strong', re: /\*\*([^*]+?)\*\*|__([^_]+?)__/ },
  { kind: 'em', re: /\*([^*]+?)\*|_([^_]+?)_/ },
] as const;

function inline(text: string, groupId: string, imageUrl: (id: string) => string | undefined): PreviewNode[] {
  const out: PreviewNode[] = [];
  const pushText = (value: string) => {
    const plain = value.replace(/\\([\\`*_[\]()#+\-.!])/g, '$1');
    if (!plain) return;
    const last = out.at(-1);
    if (last && 'type' in last) last.text += plain;
    else out.push({ type: 'text', text: plain });
  };
  let rest = text;
  while (rest) {
    let best: { kind: string; match: RegExpExecArray } | null = null;
    for (const { kind, re } of INLINE) {
      const match = re.exec(rest);
      if (match && (!best || match.index < best.match.index)) best = { kind, match };
    }
    if (!best) break;
    const { kind, match } = best;
    pushText(rest.slice(0, match.index));
    if (kind === 'image') {
      const url = match[2].startsWith(`${groupId}.`) ? imageUrl(match[2]) : undefined;
      // As on the server: an image that is not this group's upload is dropped.
      if (url) out.push({ name: 'img', attrs: { src: url, alt: match[1].slice(0, 100), style: NEWS_BODY_STYLE.img } });
    } else if (kind === 'link') {
      const children = inline(match[1], groupId, imageUrl);
      // A link to anywhere else keeps its text, without the link.
      if (isAllowedLink(match[2])) out.push(element('a', children, { href: match[2] }));
      else children.forEach((c) => ('type' in c ? pushText(c.text) : out.push(c)));
    } else {
      out.push(element(kind, inline(match[1] ?? match[2], groupId, imageUrl)));
    }
    rest = rest.slice(match.index + match[0].length);
  }
  pushText(rest);
  return out;
}

/** Markdown → preview nodes: headings, paragraphs, - and 1. lists, bold, italics, links, images. */
export function previewNodes(markdown: string, groupId: string, imageUrl: (id: string) => string | undefined): PreviewNode[] {
  const blocks: PreviewNode[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: PreviewNode[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push(element('p', inline(paragraph.join(' '), groupId, imageUrl)));
    if (list) blocks.push(element(list.tag, list.items));
    paragraph = [];
    list = null;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    const bullet = /^ {0,3}[-*+]\s+(.*)$/.exec(line);
    const ordered = /^ {0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push(element(heading[1].length <= 2 ? 'h3' : 'h4', inline(heading[2], groupId, imageUrl)));
    } else if (bullet || ordered) {
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push(element('li', inline((bullet ?? ordered)![1], groupId, imageUrl)));
    } else if (list) {
      // A continuation line belongs to the last item, as in a tight list.
      const last = list.items.at(-1) as { children: PreviewNode[] };
      last.children.push({ type: 'text', text: ' ' }, ...inline(line.trim(), groupId, imageUrl));
    } else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
