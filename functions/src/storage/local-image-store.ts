import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { access, link, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsImageIdSchema } from '../../../shared';
import { ApiError, ConflictError, NotFoundError } from '../errors';
import { sniffImageType, IMAGE_HEAD_BYTES, LOCAL_IMAGE_PATH, type NewsImageType } from '../../../shared';
import type { ImageStore, UploadGrant } from './image-store';

export class ImageTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(413, 'IMAGE_TOO_LARGE', `图片不能超过 ${Math.round(limitBytes / 1024)} KB`);
  }
}

export class UnsupportedImageError extends ApiError {
  constructor() {
    super(415, 'UNSUPPORTED_IMAGE', '只支持 JPEG、PNG、WebP 图片');
  }
}

/** What S3 answers with 412 to a PUT signed with If-None-Match: an image is uploaded once. */
export class ImageExistsError extends ConflictError {
  constructor() {
    super('IMAGE_EXISTS', '图片已上传，不能替换；如需更换请重新选择图片');
  }
}

/** Signed URLs the way S3's work: what may be done, to which id, until when. */
type Query = Record<string, string | undefined>;

/**
 * The local-mode store: files under a directory (.data/news-images by default), uploaded and
 * read through the API itself with HMAC-signed, expiring URLs, so the client code is the same
 * as against S3's pre-signed URLs. Like the S3 store, it takes each id once: the bytes an item
 * was checked with are the bytes it shows, however long its upload URL stays valid.
 */
export class LocalImageStore implements ImageStore {
  private readonly key: Buffer;

  constructor(
    private readonly dir: string,
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {
    // A key of its own: a leaked image URL must not help forge anything else.
    this.key = createHmac('sha256', secret).update('news-images').digest();
  }

  private sign(parts: string[]): string {
    return createHmac('sha256', this.key).update(parts.join('\n')).digest('base64url');
  }

  private expiry(now: Date) {
    return Math.floor(now.getTime() / 1000) + this.ttlSeconds;
  }

  private path(imageId: string) {
    // The id's pattern has no slash or dot-dot, so it cannot leave the directory.
    return join(this.dir, NewsImageIdSchema.parse(imageId));
  }

  /** A wrong signature or an expired URL is a 404: an outsider learns nothing about which ids exist. */
  private verify(parts: string[], query: Query) {
    const exp = Number(query.exp);
    const given = Buffer.from(query.sig ?? '');
    const wanted = Buffer.from(this.sign([...parts, String(exp)]));
    const valid = given.length === wanted.length && timingSafeEqual(given, wanted);
    if (!valid || !(exp * 1000 > this.now().getTime())) throw new NotFoundError('图片链接无效或已过期');
  }

  async grantUpload(
    { imageId, contentType, size }: { imageId: string; contentType: NewsImageType; size: number },
    now: Date,
  ): Promise<UploadGrant> {
    const exp = this.expiry(now);
    const sig = this.sign(['put', imageId, contentType, String(size), String(exp)]);
    const query = new URLSearchParams({ type: contentType, size: String(size), exp: String(exp), sig });
    return {
      uploadUrl: `${LOCAL_IMAGE_PATH}/${imageId}?${query}`,
      headers: { 'content-type': contentType },
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  /**
   * The PUT behind an upload URL: refused unless signed, of the granted size, and really an
   * image of the granted type; refused (409) if the id already holds an image.
   */
  async put(imageId: string, query: Query, upload: Request): Promise<void> {
    if (!NewsImageIdSchema.safeParse(imageId).success) throw new NotFoundError('图片链接无效或已过期');
    this.verify(['put', imageId, String(query.type), String(query.size)], query);
    // Early, so a repeated upload is not read first; the link below is what guarantees it.
    if (await this.exists(imageId)) throw new ImageExistsError();
    const bytes = new Uint8Array(await upload.arrayBuffer());
    if (bytes.byteLength !== Number(query.size)) {
      if (bytes.byteLength > Number(query.size)) throw new ImageTooLargeError(Number(query.size));
      throw new ApiError(400, 'IMAGE_SIZE_MISMATCH', '图片大小与申请时不一致，请重新上传');
    }
    if (sniffImageType(bytes.subarray(0, IMAGE_HEAD_BYTES)) !== query.type) throw new UnsupportedImageError();
    await this.create(imageId, bytes);
  }

  /**
   * Written whole under a temporary name, then linked to its id: the link fails if the id
   * exists (of two concurrent PUTs one wins), and no reader ever sees half a file.
   */
  private async create(imageId: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const part = `${this.path(imageId)}.${randomUUID()}.part`;
    await writeFile(part, bytes);
    try {
      await link(part, this.path(imageId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImageExistsError();
      throw error;
    } finally {
      await rm(part, { force: true });
    }
  }

  private exists(imageId: string): Promise<boolean> {
    return access(this.path(imageId)).then(
      () => true,
      () => false,
    );
  }

  async read(imageId: string, query: Query): Promise<{ bytes: Uint8Array; contentType: NewsImageType }> {
    if (!NewsImageIdSchema.safeParse(imageId).success) throw new NotFoundError('图片链接无效或已过期');
    this.verify(['get', imageId], query);
    const bytes = await readFile(this.path(imageId)).catch(() => {
      throw new NotFoundError('图片不存在');
    });
    return { bytes, contentType: sniffImageType(bytes.subarray(0, IMAGE_HEAD_BYTES)) ?? 'image/jpeg' };
  }

  async inspect(imageId: string): Promise<{ size: number; head: Uint8Array } | null> {
    const file = await open(this.path(imageId)).catch(() => null);
    if (!file) return null;
    try {
      const head = new Uint8Array(IMAGE_HEAD_BYTES);
      const { bytesRead } = await file.read(head, 0, IMAGE_HEAD_BYTES, 0);
      return { size: (await stat(this.path(imageId))).size, head: head.subarray(0, bytesRead) };
    } finally {
      await file.close();
    }
  }

  async readUrl(imageId: string, now: Date): Promise<string> {
    const exp = this.expiry(now);
    return `${LOCAL_IMAGE_PATH}/${imageId}?${new URLSearchParams({ exp: String(exp), sig: this.sign(['get', imageId, String(exp)]) })}`;
  }

  async remove(imageId: string): Promise<void> {
    await rm(this.path(imageId), { force: true });
  }
}
