import { groupCard, newsCard, rotationCard, schoolCard, surveyCard } from '../../src/utils/share/page-cards';
import { h5PageUrl, pagePath, toAppMessage, toTimeline } from '../../src/utils/share/share-card';

describe('a share card', () => {
  test('carries the page’s parameters, encoded, and leaves out the ones without a value', () => {
    // Prepare + Act
    const path = pagePath('/packages/survey/answer/index', { id: 'sv 1', school: '', extra: undefined });

    // Assess
    expect(path).toBe('/packages/survey/answer/index?id=sv%201');
    expect(pagePath('/pages/home/index', {})).toBe('/pages/home/index');
  });

  test('becomes a chat card with its path and a 朋友圈 card with only the query', () => {
    // Prepare
    const card = {
      title: '经五集团开放日｜经五教育集团',
      path: '/packages/news/detail/index?id=n1',
      imageUrl: 'https://img.example/c.png',
    };

    // Act
    const chat = toAppMessage(card);
    const timeline = toTimeline(card);

    // Assess
    expect(chat).toEqual(card);
    expect(timeline).toEqual({ title: card.title, query: 'id=n1', imageUrl: 'https://img.example/c.png' });
    expect(toTimeline({ title: '学校信息', path: '/pages/school/index' })).toEqual({ title: '学校信息', query: '' });
  });

  test('has no picture field when the page has none, so WeChat shows its default', () => {
    // Prepare + Act
    const chat = toAppMessage(newsCard('n1', { title: '通知', groupName: '经五教育集团' }));

    // Assess
    expect(chat).toEqual({ title: '通知｜经五教育集团', path: '/packages/news/detail/index?id=n1' });
    expect('imageUrl' in chat).toBe(false);
  });

  test('is an H5 hash-router address of the same page on the H5 build', () => {
    // Prepare + Act
    const url = h5PageUrl(schoolCard('jn-jingbalu-ps'), { origin: 'https://jt.example', pathname: '/' });

    // Assess
    expect(url).toBe('https://jt.example/#/pages/school/index?id=jn-jingbalu-ps');
  });
});

describe('the shared pages’ cards', () => {
  test('name the school and the group, or the page while its content is still loading', () => {
    expect(schoolCard('jn-jingbalu-ps', { name: '济南市经八路小学' })).toEqual({
      title: '济南市经八路小学 · 学校信息',
      path: '/pages/school/index?id=jn-jingbalu-ps',
    });
    expect(schoolCard('jn-jingbalu-ps').title).toBe('学校信息');
    expect(groupCard('jn-jingwu', { name: '经五教育集团' })).toEqual({
      title: '经五教育集团 · 教育集团',
      path: '/pages/group/index?id=jn-jingwu',
    });
    expect(groupCard('jn-jingwu').title).toBe('教育集团');
  });

  test('show a news item’s cover as the picture', () => {
    // Prepare + Act
    const card = newsCard('n1', { title: '开放日', groupName: '经五教育集团', coverUrl: 'https://img.example/c.png' });

    // Assess
    expect(card).toEqual({
      title: '开放日｜经五教育集团',
      path: '/packages/news/detail/index?id=n1',
      imageUrl: 'https://img.example/c.png',
    });
    expect(newsCard('n1').title).toBe('集团动态');
  });

  test('keep the survey’s school in the link when one is chosen, and name it', () => {
    // Prepare + Act
    const withSchool = surveyCard('sv1', 'jn-jingbalu-ps', { title: '家长满意度调查', schoolName: '济南市经八路小学' });
    const withoutSchool = surveyCard('sv1', '', { title: '家长满意度调查' });

    // Assess
    expect(withSchool).toEqual({
      title: '请填写问卷：家长满意度调查（济南市经八路小学）',
      path: '/packages/survey/answer/index?id=sv1&school=jn-jingbalu-ps',
    });
    expect(withoutSchool).toEqual({ title: '请填写问卷：家长满意度调查', path: '/packages/survey/answer/index?id=sv1' });
    expect(surveyCard('sv1', '', {}).title).toBe('请填写问卷');
  });

  test('call a rotation batch’s card its 公示, with the school year', () => {
    expect(rotationCard('rb1', { title: '经五集团交流轮岗', schoolYear: '2026-2027' })).toEqual({
      title: '经五集团交流轮岗公示（2026-2027 学年）',
      path: '/packages/rotation/detail/index?id=rb1',
    });
    expect(rotationCard('rb1').title).toBe('轮岗交流公示');
  });
});
