import { ApiError } from '../../errors';

/**
 * The audit found a hidden cell it could pin down in what is about to be published: nothing is
 * published (a state the caller cannot fix, hence 409, not a 5xx; the next refresh replans).
 */
export class AuditFailedError extends ApiError {
  constructor(details: { findings: number; determined: number }) {
    super(409, 'AUDIT_FAILED', '结果未通过隐私审核，暂不公布，请稍后再试', details);
  }
}

/** A respondent answers only for a school they are bound to (issue 11 §8). */
export class SchoolNotBoundError extends ApiError {
  constructor() {
    super(403, 'SCHOOL_NOT_BOUND', '请先确认并绑定孩子就读的学校，再填写该校问卷');
  }
}

/** One response per person per survey: seen by the answer's read (AP125) or by the transaction's marker. */
export class AlreadyAnsweredError extends ApiError {
  constructor() {
    super(409, 'ALREADY_ANSWERED', '你已经提交过本问卷，感谢参与');
  }
}
