import { z } from 'zod';
import { route } from '../../../http/route';
import { LOCAL_IMAGE_PATH } from '../../../../../shared';
import { imageParam } from './news-params';
import { lazySchema } from '../../../../../shared/lazy-schema';

/** What a signed local URL carries; anything missing or wrong fails its signature (404), never a 400. */
const SignedUrlQuerySchema = lazySchema(() =>
  z.object({
    type: z.string().optional(),
    size: z.string().optional(),
    exp: z.string().optional(),
    sig: z.string().optional(),
  }),
);

/**
 * The local store's signed URLs. The URL is the permission (like S3's pre-signed PUT and GET):
 * no session needed. The PUT's body is the image's bytes, read by the store, not JSON.
 */
export const imageRoutes = [
  route({
    method: 'PUT',
    path: `${LOCAL_IMAGE_PATH}/:imageId`,
    params: { imageId: imageParam },
    query: SignedUrlQuerySchema,
    access: { kind: 'public' },
    handler: async (c, { params, query, services }) => {
      await services.newsImageFiles.receive(params.imageId, query, c.req.raw);
      return c.body(null, 200);
    },
  }),
  route({
    method: 'GET',
    path: `${LOCAL_IMAGE_PATH}/:imageId`,
    params: { imageId: imageParam },
    query: SignedUrlQuerySchema,
    access: { kind: 'public' },
    handler: async (c, { params, query, services }) => {
      const { bytes, contentType } = await services.newsImageFiles.read(params.imageId, query);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': contentType,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
    },
  }),
];
