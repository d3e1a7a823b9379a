import type { RichTextNode } from '../../../../shared';
import { isAllowedLink, MAX_DEPTH, resolveImages, sanitizeMarkdown } from '../../../src/features/news/domain/sanitize-markdown';

const GROUP = 'jn-jingwu';
const IMAGE = `${GROUP}.0f8c2a4e-1b2c-4d3e-8f9a-0123456789ab.jpg`;

/** Every tag and attribute name in a node tree. */
function walk(nodes: RichTextNode[], seen = { tags: new Set<string>(), attrs: new Set<string>(), text: '' }) {
  for (const node of nodes) {
    if ('type' in node) seen.text += node.text;
    else {
      seen.tags.add(node.name);
      for (const name of Object.keys(node.attrs ?? {})) seen.attrs.add(name);
      walk(node.children ?? [], seen);
    }
  }
  return seen;
}

function depthOf(nodes: RichTextNode[]): number {
  return Math.max(0, ...nodes.map((n) => ('type' in n ? 0 : 1 + depthOf(n.children ?? []))));
}

describe('news body sanitizer', () => {
  it('turns the allowed subset into RichText nodes', () => {
    // Act
    const { nodes, images } = sanitizeMarkdown(
      `## 活动回顾\n\n本周**集团教研**开展。\n\n- 第一项\n- 第二项\n\n1. 甲\n2. 乙\n\n详见[通知](https://www.jinan.gov.cn/a.html)\n\n![合影](${IMAGE})`,
      GROUP,
    );

    // Assess
    expect(nodes[0]).toEqual({ name: 'h3', attrs: { style: expect.any(String) }, children: [{ type: 'text', text: '活动回顾' }] });
    expect(nodes[1]).toMatchObject({
      name: 'p',
      children: [{ text: '本周' }, { name: 'strong', children: [{ text: '集团教研' }] }, { text: '开展。' }],
    });
    expect(nodes[2]).toMatchObject({ name: 'ul', children: [{ name: 'li', children: [{ text: '第一项' }] }, { name: 'li' }] });
    expect(nodes[3]).toMatchObject({ name: 'ol' });
    expect(nodes[4]).toMatchObject({
      children: [{ text: '详见' }, { name: 'a', attrs: { href: 'https://www.jinan.gov.cn/a.html' }, children: [{ text: '通知' }] }],
    });
    expect(nodes[5]).toMatchObject({ name: 'p', children: [{ name: 'img', attrs: { src: IMAGE, alt: '合影' } }] });
    expect(images).toEqual([IMAGE]);
  });

  it('drops script tags and raw HTML whole: no tag outside the allow-list, no event attribute', () => {
    // Act
    const { nodes } = sanitizeMarkdown(
      '<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>文字<iframe src="https://evil.example"></iframe>\n\n<div onclick="x()">块</div>',
      GROUP,
    );

    // Assess
    const seen = walk(nodes);
    expect([...seen.tags].sort()).toEqual(['p']);
    expect([...seen.attrs]).toEqual(['style']);
    expect(seen.text).not.toMatch(/script|onerror|iframe|onclick/);
    expect(seen.text).toContain('段落');
  });

  it.each([
    ['javascript: link', '[点我](javascript:alert(1))'],
    ['data: link', '[点我](data:text/html;base64,PHNjcmlwdD4=)'],
    ['http link', '[点我](http://www.jinan.gov.cn/)'],
    ['domain outside the list', '[点我](https://evil.example/)'],
    ['look-alike domain', '[点我](https://gov.cn.evil.example/)'],
    ['credentials in the URL', '[点我](https://user:pw@www.gov.cn/)'],
    ['entity-encoded javascript', '[点我](&#106;avascript:alert(1))'],
  ])('never emits a link for a %s', (_label, markdown) => {
    // Act
    const seen = walk(sanitizeMarkdown(markdown, GROUP).nodes);

    // Assess
    expect(seen.tags.has('a')).toBe(false);
    expect(seen.attrs.has('href')).toBe(false);
  });

  it('keeps images only when they were uploaded for this group', () => {
    // Act
    const { nodes, images } = sanitizeMarkdown(
      `![a](https://evil.example/x.png) ![b](javascript:alert(1)) ![c](qd-qingda-binhai.0f8c2a4e-1b2c-4d3e-8f9a-0123456789ab.png) ![d](${IMAGE})`,
      GROUP,
    );

    // Assess
    expect(images).toEqual([IMAGE]);
    expect(walk(nodes).tags).toEqual(new Set(['p', 'img']));
  });

  it.each([
    ['200 nested lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n'), '第0层'],
    ['2,000 nested emphasis marks', `${'**_'.repeat(2000)}深${'_**'.repeat(2000)}`, '深'],
    ['5,000 nested quotes and links', `${'> ['.repeat(5000)}链接${'](https://www.gov.cn/)'.repeat(5000)}`, '链接'],
  ])('keeps %s to a bounded depth, fast, with the first text kept', (_label, markdown, text) => {
    // Act
    const started = performance.now();
    const { nodes } = sanitizeMarkdown(markdown, GROUP);
    const ms = performance.now() - started;

    // Assess: deeper than markdown-it's maxNesting the parser stops; what it did parse is flattened.
    expect(depthOf(nodes)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(walk(nodes).text).toContain(text);
    expect(ms).toBeLessThan(2000);
  });

  it('accepts https links on allowed domains and their subdomains', () => {
    expect(isAllowedLink('https://mp.weixin.qq.com/s/abc')).toBe(true);
    expect(isAllowedLink('https://www.sdedu.edu.cn/x')).toBe(true);
    expect(isAllowedLink('https://weixin.qq.com.evil.example/')).toBe(false);
  });

  it('resolves body image ids to URLs without touching anything else', () => {
    // Prepare
    const { nodes } = sanitizeMarkdown(`文字\n\n![图](${IMAGE})`, GROUP);

    // Act
    const resolved = resolveImages(nodes, (id) => `https://signed.example/${id}?sig=1`);

    // Assess
    expect(resolved[0]).toEqual(nodes[0]);
    expect(resolved[1]).toMatchObject({ children: [{ name: 'img', attrs: { src: `https://signed.example/${IMAGE}?sig=1` } }] });
    expect(nodes[1]).toMatchObject({ children: [{ attrs: { src: IMAGE } }] });
  });
});
