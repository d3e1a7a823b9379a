import { Image, RichText, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApiResponse } from '../../../../../shared';
import { assetUrl } from '../../../api/news';
import './news-body.scss';

type NewsAnswer = ApiResponse<'GET /api/news/:id'>;

/**
 * A body node as it arrives. JSON typing stops at a recursive type (hono's JSONParsed), so a
 * node's children arrive typed as any JSON: they are nodes too, as RichTextNodeSchema checked.
 */
type BodyNode = NewsAnswer['nodes'][number];

/** Image sources in the server's nodes may be relative to the API (local store). */
const absolute = (nodes: BodyNode[]): BodyNode[] =>
  nodes.map((node) =>
    'type' in node
      ? node
      : {
          ...node,
          ...(node.name === 'img' && node.attrs?.src ? { attrs: { ...node.attrs, src: assetUrl(node.attrs.src) } } : {}),
          ...(node.children ? { children: absolute(node.children as BodyNode[]) } : {}),
        },
  );

/**
 * The body as the server's sanitizer made it (RichText nodes, never HTML strings), then the
 * gallery images that the body does not show itself, each opening the image viewer.
 */
export function NewsBody({ item }: { item: Pick<NewsAnswer, 'nodes' | 'images'> }) {
  const inBody = JSON.stringify(item.nodes);
  const gallery = item.images.filter((image) => !inBody.includes(image.id)).map((image) => assetUrl(image.url));
  return (
    <View className="news-body">
      <RichText className="news-body__text" nodes={absolute(item.nodes) as never} />
      {gallery.map((url) => (
        <Image
          key={url}
          className="news-body__image"
          src={url}
          mode="widthFix"
          lazyLoad
          onClick={() => void Taro.previewImage({ urls: gallery, current: url })}
        />
      ))}
    </View>
  );
}
