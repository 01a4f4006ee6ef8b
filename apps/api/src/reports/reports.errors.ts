import { DomainError } from '@webcare/platform';

export enum ReportErrorCode {
  InvalidRange = 'REPORT_INVALID_RANGE',
  RangeTooLong = 'REPORT_RANGE_TOO_LONG',
  InvalidGroupBy = 'REPORT_INVALID_GROUP_BY',
  TooDetailed = 'REPORT_TOO_DETAILED',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<ReportErrorCode, number> = {
  [ReportErrorCode.InvalidRange]: 400,
  [ReportErrorCode.RangeTooLong]: 400,
  [ReportErrorCode.InvalidGroupBy]: 400,
  [ReportErrorCode.TooDetailed]: 400,
};

export function reportError(code: ReportErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}
