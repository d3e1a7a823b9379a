/** Group news limits both sides enforce; zod-free so the mini-program can import the values. */
export const NEWS_TITLE_MAX = 60;
export const NEWS_SUMMARY_MAX = 200;
export const NEWS_AUTHOR_MAX = 30;
/** Characters of Markdown; a request body over NEWS_REQUEST_BYTES_MAX is refused before parsing (413). */
export const NEWS_BODY_MAX = 20_000;
export const NEWS_REQUEST_BYTES_MAX = 128 * 1024;
export const NEWS_IMAGES_MAX = 9;
export const NEWS_SCHOOLS_MAX = 30;
export const NEWS_PAGE_DEFAULT = 20;
export const NEWS_PAGE_MAX = 50;
/** Any uploaded image (detail pages). */
export const NEWS_IMAGE_BYTES_MAX = 2 * 1024 * 1024;
/**
 * The cover is what lists show: WeChat asks for list images of at most 200 KB, and there is no
 * image processing on the server, so the cover's upload limit is that figure.
 */
export const NEWS_COVER_BYTES_MAX = 200 * 1024;
export const NEWS_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Links in a body may point only here (the domain itself or any subdomain), over https. */
export const NEWS_LINK_DOMAINS = ['mp.weixin.qq.com', 'gov.cn', 'edu.cn', 'people.com.cn', 'xinhuanet.com'] as const;

/** Where the local image store (no S3) serves its signed URLs; on AWS the URLs point at S3. */
export const LOCAL_IMAGE_PATH = '/api/news-images';
