import { imageBucketClient, S3ImageStore } from '../../../src/storage/s3-image-store';

/** Pre-signing is local computation: no bucket or network needed to check what the URLs allow. */
describe('S3 image store URLs', () => {
  const s3 = imageBucketClient({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } });
  const store = new S3ImageStore(s3, 'news-bucket', 600);
  const now = new Date('2026-11-23T08:00:00Z');
  const id = 'jn-jingwu.0f8c2a4e-1b2c-4d3e-8f9a-0123456789ab.png';

  it('signs a PUT of exactly the granted type and length, under news/, for ten minutes', async () => {
    // Act
    const grant = await store.grantUpload({ imageId: id, contentType: 'image/png', size: 1234 }, now);
    const url = new URL(grant.uploadUrl);

    // Assess
    expect(url.protocol).toBe('https:');
    expect(`${url.hostname}${url.pathname}`).toMatch(new RegExp(`news-bucket.*/news/${id.replace(/\./g, '\\.')}$`));
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261123T080000Z');
    expect(grant).toMatchObject({ headers: { 'content-type': 'image/png' }, expiresAt: '2026-11-23T08:10:00.000Z' });
  });

  it('signs the PUT as upload-once (If-None-Match: *), so S3 refuses to overwrite an existing image', async () => {
    // Act
    const grant = await store.grantUpload({ imageId: id, contentType: 'image/png', size: 1234 }, now);
    const url = new URL(grant.uploadUrl);

    // Assess: the condition is a signed header the client must send, not something it may leave out.
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toContain('if-none-match');
    expect(grant.headers).toEqual({ 'content-type': 'image/png', 'if-none-match': '*' });
  });

  it('leaves no checksum of an empty body in the signed PUT (S3 would hold the upload to it)', async () => {
    const url = new URL((await store.grantUpload({ imageId: id, contentType: 'image/png', size: 1234 }, now)).uploadUrl);
    expect([...url.searchParams.keys()].filter((name) => name.toLowerCase().startsWith('x-amz-checksum'))).toEqual([]);
  });

  it('reads through a signed GET only (the bucket is private)', async () => {
    const url = new URL(await store.readUrl(id, now));
    expect(url.pathname).toContain(`/news/${id}`);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
  });
});
