/**
 * The inline style of each tag in a news body's RichText nodes: fixed per tag, never from
 * author input. One table for the server's sanitizer (functions/src/features/news/domain/
 * sanitize-markdown.ts) and the editor's live preview (packages/news/admin/edit/
 * markdown-preview.ts), so the preview looks as readers will see it. No zod here: the
 * mini-program imports it.
 */
export const NEWS_BODY_STYLE: Readonly<Record<string, string>> = {
  h3: 'font-size:18px;font-weight:600;margin:16px 0 8px;',
  h4: 'font-size:16px;font-weight:600;margin:12px 0 6px;',
  p: 'margin:8px 0;line-height:1.7;',
  img: 'max-width:100%;height:auto;display:block;margin:8px 0;',
  a: 'color:#1a73e8;',
};
