import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { draft, pngBytes, testImageDir } from '../../../../tests/support/news';
import { testConfig } from '../../../../tests/support/test-config';

/** Uploads through the local store's signed URLs, checked by type (magic bytes) and size. */
describe('news images (local store)', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  const images = testImageDir();

  async function grant(size: number, contentType = 'image/png', groupId = 'jn-jingwu') {
    const answer = await admin.call('POST', '/api/admin/news-images', { groupId, contentType, size });
    expect(answer.status).toBe(201);
    return answer.body as { imageId: string; uploadUrl: string; headers: Record<string, string> };
  }
  const put = (url: string, bytes: Uint8Array, type = 'image/png') =>
    core.app.request(url, { method: 'PUT', headers: { 'content-type': type }, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) });

  beforeAll(async () => {
    table = await createSeededTable('news-images');
    core = createCore(
      testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000', NEWS_IMAGE_DIR: images.dir }),
      {
        logger: createLogger(undefined, 'silent'),
      },
    );
    admin = new TestClient(core.app);
    await admin.devLogin('group_admin');
  });
  afterAll(async () => {
    images.drop();
    await table.drop();
  });

  it('uploads a cover and a body image, and readers get them through signed URLs', async () => {
    // Prepare
    const cover = await grant(150 * 1024);
    const photo = await grant(1024 * 1024);
    expect((await put(cover.uploadUrl, pngBytes(150 * 1024))).status).toBe(200);
    expect((await put(photo.uploadUrl, pngBytes(1024 * 1024))).status).toBe(200);

    // Act
    const created = await admin.call(
      'POST',
      '/api/admin/groups/jn-jingwu/news',
      draft('带图动态', { coverImage: cover.imageId, body: `活动照片\n\n![合影](${photo.imageId})` }),
    );
    await admin.call('POST', `/api/admin/news/${created.body.id}/publish`, {});
    const detail = (await new TestClient(core.app).call('GET', `/api/news/${created.body.id}`)).body;
    const image = await core.app.request(detail.images.find((i: { id: string }) => i.id === photo.imageId).url);
    const tampered = await core.app.request(detail.cover.url.replace(/sig=[^&]+/, 'sig=forged'));

    // Assess
    expect(created.status).toBe(201);
    expect(detail.images.map((i: { id: string }) => i.id)).toEqual([photo.imageId]);
    expect(detail.nodes[1].children[0]).toMatchObject({
      name: 'img',
      attrs: { src: expect.stringContaining(`/api/news-images/${photo.imageId}?`) },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer()).byteLength).toBe(1024 * 1024);
    expect(tampered.status).toBe(404);
  });

  it('keeps a published image as it was checked: the same signed URL cannot upload it again', async () => {
    // Prepare
    const photo = await grant(1000);
    const original = pngBytes(1000).fill(0x11, 8);
    expect((await put(photo.uploadUrl, original)).status).toBe(200);
    const created = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft('不可替换', { images: [photo.imageId] }));
    expect((await admin.call('POST', `/api/admin/news/${created.body.id}/publish`, {})).status).toBe(200);

    // Act: the URL is still within its hour; other bytes of the same size and type.
    const again = await put(photo.uploadUrl, pngBytes(1000).fill(0x22, 8));
    const detail = (await new TestClient(core.app).call('GET', `/api/news/${created.body.id}`)).body;
    const served = await core.app.request(detail.images[0].url);

    // Assess
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'IMAGE_EXISTS', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(original);
  });

  it('stores one of two concurrent uploads to the same id and refuses the other', async () => {
    // Prepare
    const { uploadUrl } = await grant(2000);

    // Act
    const answers = await Promise.all([put(uploadUrl, pngBytes(2000).fill(0x33, 8)), put(uploadUrl, pngBytes(2000).fill(0x44, 8))]);

    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it.each([
    ['HTML renamed to PNG', pngBytes(100).fill(0x3c), 'image/png', 415, 'UNSUPPORTED_IMAGE'],
    ['a JPEG sent on a PNG grant', new Uint8Array([0xff, 0xd8, 0xff, ...new Array(97).fill(0)]), 'image/png', 415, 'UNSUPPORTED_IMAGE'],
    ['more bytes than granted', pngBytes(101), 'image/png', 413, 'IMAGE_TOO_LARGE'],
    ['fewer bytes than granted', pngBytes(99), 'image/png', 400, 'IMAGE_SIZE_MISMATCH'],
  ])('refuses %s', async (_label, bytes, type, status, code) => {
    const { uploadUrl } = await grant(100);
    const answer = await put(uploadUrl, bytes, type);
    expect(answer.status).toBe(status);
    expect(await answer.json()).toMatchObject({ error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
  });

  it('refuses grants over 2 MB or of other types, and URLs that were tampered with', async () => {
    const big = await admin.call('POST', '/api/admin/news-images', {
      groupId: 'jn-jingwu',
      contentType: 'image/png',
      size: 2 * 1024 * 1024 + 1,
    });
    const gif = await admin.call('POST', '/api/admin/news-images', { groupId: 'jn-jingwu', contentType: 'image/gif', size: 100 });
    const { uploadUrl } = await grant(100);
    const resized = await put(uploadUrl.replace('size=100', 'size=5000000'), pngBytes(100));
    expect(big).toMatchObject({
      status: 400,
      body: { error: { message: '图片不能超过 2 MB', details: [{ message: '图片不能超过 2 MB' }] } },
    });
    expect(gif.body.error.details[0].message).toBe('只支持 JPEG、PNG、WebP 图片');
    expect(resized.status).toBe(404);
  });

  it('keeps list covers within WeChat’s 200 KB guideline and images to their own group', async () => {
    // Prepare
    const cover = await grant(300 * 1024);
    await put(cover.uploadUrl, pngBytes(300 * 1024));
    const districtAdmin = new TestClient(core.app);
    await districtAdmin.devLogin('district_admin');
    const other = (
      await districtAdmin.call('POST', '/api/admin/news-images', { groupId: 'jn-yuying', contentType: 'image/png', size: 100 })
    ).body;
    await put(other.uploadUrl, pngBytes(100));

    // Act
    const asCover = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft('大封面', { coverImage: cover.imageId }));
    const asGallery = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft('大图', { images: [cover.imageId] }));
    const foreign = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft('他组图片', { images: [other.imageId] }));

    // Assess
    expect(asCover).toMatchObject({ status: 400, body: { error: { code: 'IMAGE_INVALID', message: expect.stringContaining('200 KB') } } });
    expect(asGallery.status).toBe(201);
    expect(foreign).toMatchObject({
      status: 400,
      body: { error: { code: 'IMAGE_INVALID', message: expect.stringContaining('不属于本集团') } },
    });
  });
});
