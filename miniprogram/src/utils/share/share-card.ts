/**
 * A share card: what WeChat shows in a chat (title, image, the page it opens) and in 朋友圈
 * (the same title and image; WeChat keeps the page and takes only the query). Built from the
 * router's parameters, so a shared link opens the page on a cold start with nothing else.
 */
export interface ShareCard {
  title: string;
  /** The page's path with every parameter it needs, e.g. /pages/school/index?id=jn-jingbalu-ps. */
  path: string;
  /** Left out when the page has no picture of its own: WeChat then uses its default. */
  imageUrl?: string;
}

/** What useShareAppMessage's callback returns. */
export interface AppMessageCard {
  title: string;
  path: string;
  imageUrl?: string;
}

/** What useShareTimeline's callback returns: 朋友圈 opens the same page with this query. */
export interface TimelineCard {
  title: string;
  query: string;
  imageUrl?: string;
}

/** A page path with its parameters; a parameter without a value is left out rather than sent empty. */
export function pagePath(page: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${page}?${query}` : page;
}

const withImage = (imageUrl: string | undefined) => (imageUrl ? { imageUrl } : {});

export function toAppMessage(card: ShareCard): AppMessageCard {
  return { title: card.title, path: card.path, ...withImage(card.imageUrl) };
}

export function toTimeline(card: ShareCard): TimelineCard {
  const at = card.path.indexOf('?');
  return { title: card.title, query: at < 0 ? '' : card.path.slice(at + 1), ...withImage(card.imageUrl) };
}

/**
 * The H5 address of a page. The H5 router runs in hash mode (config/index.ts), so the page path
 * goes after '#', and the link is the same whichever page the reader came from.
 */
export function h5PageUrl(card: Pick<ShareCard, 'path'>, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}#${card.path}`;
}
