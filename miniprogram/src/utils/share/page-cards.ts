import { pagePath, type ShareCard } from './share-card';

/**
 * The share cards of the shared pages. Each takes the router's parameters (known at once) and
 * the loaded content when there is some: a card shared before the content arrives still opens
 * the right page, with the page's own name as its title.
 */

export const SCHOOL_PAGE = '/pages/school/index';
export const GROUP_PAGE = '/pages/group/index';
export const NEWS_DETAIL_PAGE = '/packages/news/detail/index';
export const SURVEY_ANSWER_PAGE = '/packages/survey/answer/index';
export const ROTATION_DETAIL_PAGE = '/packages/rotation/detail/index';

export function schoolCard(id: string, school?: { name: string }): ShareCard {
  return { title: school ? `${school.name} · 学校信息` : '学校信息', path: pagePath(SCHOOL_PAGE, { id }) };
}

export function groupCard(id: string, group?: { name: string }): ShareCard {
  return { title: group ? `${group.name} · 教育集团` : '教育集团', path: pagePath(GROUP_PAGE, { id }) };
}

/** A news card carries its cover (an absolute URL) as the picture when it has one. */
export function newsCard(id: string, news?: { title: string; groupName: string; coverUrl?: string }): ShareCard {
  const path = pagePath(NEWS_DETAIL_PAGE, { id });
  if (!news) return { title: '集团动态', path };
  return { title: `${news.title}｜${news.groupName}`, path, ...(news.coverUrl ? { imageUrl: news.coverUrl } : {}) };
}

/** The survey link keeps the chosen school, so the reader answers for the same school. */
export function surveyCard(surveyId: string, schoolId: string, content: { title?: string; schoolName?: string }): ShareCard {
  const path = pagePath(SURVEY_ANSWER_PAGE, { id: surveyId, school: schoolId });
  const title = content.title ? `请填写问卷：${content.title}` : '请填写问卷';
  return { title: content.schoolName ? `${title}（${content.schoolName}）` : title, path };
}

/** Batch titles name the rotation (经五集团交流轮岗); the card says it is the 公示 of it. */
export function rotationCard(id: string, batch?: { title: string; schoolYear: string }): ShareCard {
  const path = pagePath(ROTATION_DETAIL_PAGE, { id });
  return { title: batch ? `${batch.title}公示（${batch.schoolYear} 学年）` : '轮岗交流公示', path };
}
