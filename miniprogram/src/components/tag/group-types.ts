/**
 * What the built-in group types mean, in the words a parent reads (a district's own types have
 * no entry and are shown as named). 1+X in particular says nothing on its own.
 */
export const GROUP_TYPE_EXPLANATIONS: Record<string, string> = {
  创优型: '优质学校牵头，带动成员校共同提升',
  联盟型: '学校平等结盟，共享资源、共同发起',
  跨学段合作式: '不同学段的学校合作，如小学与初中衔接',
  融合型: '成员校深度融合，统一管理与教学',
  '1+X': '1 所核心学校带动 X 所成员学校',
};

export const explainGroupType = (type: string): string | undefined => GROUP_TYPE_EXPLANATIONS[type];

/** 跨学段合作式: a partnership of schools of different stages, where no school leads. */
export const isPartnership = (type: string) => type === '跨学段合作式';
