/**
 * Which likert options count as 认可 (recognised) for the 社会认可度 rate: a named definition,
 * a district setting, shown with its source on the results page. See docs/scoring.md.
 *  - strict-top-two:    the options strictly above the middle of the scale —
 *                       3 points: 满意; 4: 满意, 比较满意; 5: the top 2; 7: the top 3.
 *  - lenient-top-three: those and the middle (or, on four points, the qualified) option —
 *                       3 points: 满意, 基本满意; 4: 满意, 比较满意, 基本满意; 5: the top 3; 7: the top 4.
 *  - as-authored:       the question's own satisfiedTopBoxes (the behaviour before issue 11).
 */
export const RECOGNITION_DEFINITIONS = ['strict-top-two', 'lenient-top-three', 'as-authored'] as const;
export type RecognitionDefinition = (typeof RECOGNITION_DEFINITIONS)[number];

/** The default, read from 《县域义务教育优质均衡发展督导评估办法》 (教督〔2017〕6号): see docs/scoring.md. */
export const DEFAULT_RECOGNITION: RecognitionDefinition = 'strict-top-two';

/** The definition's short name, for a choice among them. */
export const RECOGNITION_NAMES: Record<RecognitionDefinition, string> = {
  'strict-top-two': '严格口径',
  'lenient-top-three': '宽松口径',
  'as-authored': '按题目设定',
};

export const RECOGNITION_LABELS: Record<RecognitionDefinition, string> = {
  'strict-top-two': '满意、比较满意计为认可（严格口径）',
  'lenient-top-three': '满意、比较满意、基本满意计为认可（宽松口径）',
  'as-authored': '按题目设定的满意档计为认可',
};

/** Where the 认可 rule comes from, shown beside it on the results page. */
export const RECOGNITION_SOURCE: Record<RecognitionDefinition, string> = {
  'strict-top-two':
    '默认口径：《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）要求社会认可度达到85%以上，未规定认可档位，取严格口径',
  'lenient-top-three': '区县设置：按本省实施细则，基本满意计为认可',
  'as-authored': '区县设置：按问卷题目设定的满意档',
};
