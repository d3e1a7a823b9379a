import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { NEWS_LINK_DOMAINS, NewsImageIdSchema, type RichTextNode } from '../../../../../shared';
import { NEWS_BODY_STYLE } from '../../../../../shared/news/news-body-style';

/**
 * News bodies: a Markdown subset turned into RichText nodes by allow-list. markdown-it only
 * tokenises (its HTML renderer is never used); every node this file emits has a tag and
 * attributes from the tables below, so whatever an author types, nothing else reaches a reader.
 */

/** Deeper containers are flattened into their parent: rendering cost stays bounded whatever the input. */
export const MAX_DEPTH = 6;

// Required on the first body sanitised, not at start-up (docs/performance.md); a require keeps
// sanitizeMarkdown synchronous for its callers.
let parser: InstanceType<typeof MarkdownIt> | null = null;
const markdownParser = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (parser ??= new (require('markdown-it') as typeof MarkdownIt)('zero', { html: true, maxNesting: 20 }).enable([
    'heading',
    'list',
    // Raw HTML is tokenised only so it can be dropped whole, rather than shown as source text.
    'html_block',
    'html_inline',
    'emphasis',
    'link',
    'image',
    'newline',
    'escape',
    'entity',
  ]));

/** markdown-it tag → RichText tag. h1/h2 become the page's section heading size (the title is the page's h1). */
const CONTAINERS: Record<string, string> = {
  h1: 'h3',
  h2: 'h3',
  h3: 'h4',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  p: 'p',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  strong: 'strong',
  em: 'em',
};

/** https only, and the host must be an allowed domain or one of its subdomains. */
export function isAllowedLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return NEWS_LINK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Body images must be images uploaded for this item's group; the id is turned into a signed URL when served. */
const isAllowedImage = (src: string, groupId: string) => NewsImageIdSchema.safeParse(src).success && src.startsWith(`${groupId}.`);

export interface SanitizedBody {
  nodes: RichTextNode[];
  /** Image ids the body shows, in order (so the service can check each one was uploaded). */
  images: string[];
}

type Element = Extract<RichTextNode, { name: string }> & { children: RichTextNode[] };

const element = (name: string, attrs: Record<string, string> = {}): Element => {
  const style = NEWS_BODY_STYLE[name];
  return { name, attrs: style ? { ...attrs, style } : attrs, children: [] };
};

export function sanitizeMarkdown(markdown: string, groupId: string): SanitizedBody {
  const root = element('div');
  const images: string[] = [];
  /** Open containers; null marks one that was dropped or flattened (its children go to the parent). */
  const stack: Array<Element | null> = [];
  const current = () => [...stack].reverse().find((e): e is Element => e !== null) ?? root;
  const depth = () => stack.filter((e) => e !== null).length;

  const append = (node: RichTextNode) => {
    const parent = current();
    const last = parent.children.at(-1);
    // Adjacent text merges: fewer nodes, same result.
    if ('type' in node && last && 'type' in last) last.text += node.text;
    else parent.children.push(node);
  };

  const open = (tag: string | null, attrs: Record<string, string> = {}) => {
    if (tag === null || depth() >= MAX_DEPTH) return void stack.push(null);
    const node = element(tag, attrs);
    append(node);
    stack.push(node);
  };

  const inline = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'text':
          if (token.content) append({ type: 'text', text: token.content });
          break;
        case 'softbreak':
          append({ type: 'text', text: ' ' });
          break;
        case 'hardbreak':
          if (depth() < MAX_DEPTH) append({ name: 'br' });
          break;
        case 'link_open': {
          const href = String(token.attrGet('href') ?? '');
          open(isAllowedLink(href) ? 'a' : null, { href });
          break;
        }
        case 'image': {
          const src = String(token.attrGet('src') ?? '');
          if (isAllowedImage(src, groupId) && depth() < MAX_DEPTH) {
            images.push(src);
            append({ name: 'img', attrs: { src, alt: token.content.slice(0, 100), style: NEWS_BODY_STYLE.img } });
          }
          break;
        }
        default:
          inlineContainer(token);
      }
    }
  };

  const inlineContainer = (token: Token) => {
    if (token.nesting === 1) open(CONTAINERS[token.tag] ?? null);
    else if (token.nesting === -1) stack.pop();
    // Anything else (raw HTML, unknown tokens) is dropped, content and all.
  };

  for (const token of markdownParser().parse(markdown, {})) {
    if (token.type === 'inline') inline(token.children ?? []);
    // Tight lists wrap items in hidden paragraphs: no <p> for those.
    else if (token.nesting === 1) open(token.hidden ? null : (CONTAINERS[token.tag] ?? null));
    else if (token.nesting === -1) stack.pop();
  }
  return { nodes: root.children, images };
}

/** Replaces each body image id by what `url` gives for it (a signed URL when served). */
export function resolveImages(nodes: RichTextNode[], url: (imageId: string) => string): RichTextNode[] {
  return nodes.map((node) => {
    if ('type' in node) return node;
    const attrs = node.name === 'img' && node.attrs?.src ? { ...node.attrs, src: url(node.attrs.src) } : node.attrs;
    return { ...node, ...(attrs ? { attrs } : {}), ...(node.children ? { children: resolveImages(node.children, url) } : {}) };
  });
}
