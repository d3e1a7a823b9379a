/**
 * Indicator-system templates (zod-free). Weights are starting points for the district to set:
 * the documents name the dimensions, not their weights.
 *  - 济南市中区: 学校发展, 教师发展, 学生发展, 社会认可, 发展潜能 (seed 001).
 *  - 海淀: 6 dimensions (seed 003); its 19 indicators are not public, so admins add them.
 */
export interface TemplateIndicator {
  id: string;
  name: string;
  weight: number;
  source: { kind: 'manual' } | { kind: 'survey'; surveyIds: string[]; dimensions: string[]; measure: 'index' | 'satisfaction' };
}
export interface TemplateDimension {
  id: string;
  name: string;
  weight: number;
  indicators: TemplateIndicator[];
}
export interface EvaluationTemplate {
  id: string;
  name: string;
  /** True when admins must add indicators before the system validates. */
  needsIndicators: boolean;
  dimensions: TemplateDimension[];
}

const manual = (id: string, name: string): TemplateIndicator => ({ id, name, weight: 100, source: { kind: 'manual' } });

export const EVALUATION_TEMPLATES: EvaluationTemplate[] = [
  {
    id: 'jinan-shizhong',
    name: '济南市中区集团化办学发展性督导评价',
    needsIndicators: false,
    dimensions: [
      { id: 'school', name: '学校发展', weight: 20, indicators: [manual('overall', '学校发展综合评价')] },
      { id: 'teacher', name: '教师发展', weight: 20, indicators: [manual('overall', '教师发展综合评价')] },
      { id: 'student', name: '学生发展', weight: 20, indicators: [manual('overall', '学生发展综合评价')] },
      {
        id: 'recognition',
        name: '社会认可',
        weight: 20,
        // surveyIds are chosen when the round is made (the template cannot know them).
        indicators: [
          {
            id: 'satisfaction',
            name: '家长满意率',
            weight: 100,
            source: { kind: 'survey', surveyIds: [], dimensions: [], measure: 'satisfaction' },
          },
        ],
      },
      { id: 'potential', name: '发展潜能', weight: 20, indicators: [manual('overall', '发展潜能综合评价')] },
    ],
  },
  {
    id: 'haidian',
    name: '海淀区集团化办学质量评估',
    needsIndicators: true,
    dimensions: [
      { id: 'governance', name: '健全集团管理架构', weight: 16.67, indicators: [] },
      { id: 'curriculum', name: '深化集团课程改革', weight: 16.67, indicators: [] },
      { id: 'talent', name: '创新人才培养方式', weight: 16.67, indicators: [] },
      { id: 'teachers', name: '加强集团教师队伍建设', weight: 16.67, indicators: [] },
      { id: 'culture', name: '加强集团文化建设', weight: 16.66, indicators: [] },
      { id: 'effect', name: '集团化效果', weight: 16.66, indicators: [] },
    ],
  },
];
