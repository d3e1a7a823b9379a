import type { Question } from './survey';

/**
 * Templates admins copy into a new survey (zod-free, so the mini-program can show them).
 * Wording follows the common district forms; dimensions follow 济南市中区's evaluation layers
 * and the 优质均衡 inspection's 社会认可度.
 */
const SATISFACTION_5 = ['满意', '比较满意', '基本满意', '不满意'];
const SUPERVISION_3 = ['满意', '基本满意', '不满意'];

const likert = (id: string, title: string, dimension: string, labels: string[], satisfiedTopBoxes: number): Question => ({
  id,
  type: 'likert',
  title,
  dimension,
  labels,
  allowUnknown: true,
  satisfiedTopBoxes,
  required: true,
});

export interface SurveyTemplate {
  id: string;
  title: string;
  description: string;
  /** Who the template's wording addresses; the builder preselects it as 填写人. */
  respondent: 'parent' | 'teacher';
  questions: Question[];
}

export const SURVEY_TEMPLATES: SurveyTemplate[] = [
  {
    id: 'parent-satisfaction-5',
    title: '家长满意度调查',
    respondent: 'parent',
    description: '5 个选项（满意、比较满意、基本满意、不满意、不了解）；“不了解”不计入统计。匿名填写。',
    questions: [
      likert('q1', '您对学校的教育教学质量是否满意？', '教育质量', SATISFACTION_5, 3),
      likert('q2', '您对教师的师德师风是否满意？', '师德师风', SATISFACTION_5, 3),
      likert('q3', '您对学校与家长的沟通是否满意？', '家校沟通', SATISFACTION_5, 3),
      likert('q4', '您对孩子的课业负担是否满意？', '学业负担', SATISFACTION_5, 3),
      likert('q5', '您对集团内学校之间资源共享、教育公平是否满意？', '教育公平', SATISFACTION_5, 3),
      { id: 'q6', type: 'nps', title: '您有多大可能向亲友推荐本校？（0–10 分）', required: false },
      { id: 'q7', type: 'text', title: '您对学校和教育集团还有什么意见或建议？', required: false },
    ],
  },
  {
    id: 'supervision-3',
    title: '督导满意度测评',
    respondent: 'parent',
    description: '3 个选项（满意、基本满意、不满意），另可选“不了解”；“不了解”不计入统计。',
    questions: [
      likert('q1', '您对学校的办学行为是否满意？', '教育质量', SUPERVISION_3, 2),
      likert('q2', '您对教师的师德师风是否满意？', '师德师风', SUPERVISION_3, 2),
      likert('q3', '您对学校落实“双减”、减轻学业负担的情况是否满意？', '学业负担', SUPERVISION_3, 2),
    ],
  },
  {
    // Teachers rate the group's own work (交流轮岗, 教研, 资源共享), never colleagues or pupils.
    id: 'teacher-group-5',
    title: '教师集团化办学满意度调查',
    description: '面向集团内教师，5 个选项，另可选“不了解”；“不了解”不计入统计。匿名填写。',
    respondent: 'teacher',
    questions: [
      likert('q1', '您对集团组织的联合教研、集体备课是否满意？', '教研共享', SATISFACTION_5, 3),
      likert('q2', '您对集团内教师交流轮岗的安排与保障是否满意？', '交流轮岗', SATISFACTION_5, 3),
      likert('q3', '您对集团内课程与教学资源的共享是否满意？', '资源共享', SATISFACTION_5, 3),
      likert('q4', '您对集团为教师专业发展提供的培训与机会是否满意？', '专业发展', SATISFACTION_5, 3),
      { id: 'q5', type: 'text', title: '您对集团化办学还有什么意见或建议？', required: false },
    ],
  },
];
