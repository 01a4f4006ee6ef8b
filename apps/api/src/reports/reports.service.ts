import { Injectable } from '@nestjs/common';
import { AppConfig, ForbiddenError } from '@webcare/platform';
import {
  FACT_DIMENSIONS,
  GROUP_KEYS,
  GroupKey,
  isoWeeksBetween,
  REPORT_MAX_DIMENSIONS,
  trendRows,
  weekEnd,
  REPORT_SHAPE,
  SealedWeeksService,
} from '@webcare/domain';
import { DateTime } from 'luxon';
import { AuthUser } from '../auth/auth.types';
import { TrendsQuery } from './dto/trends.query';
import { ReportErrorCode, reportError } from './reports.errors';
import { trendsCsv } from './trends-csv';
import { TrendsReport } from './dto/trends.response.dto';

const REPORT_ROLES = ['manager', 'privacy_officer'];
/** About five years of weeks: the longest range one report covers. */
const MAX_WEEKS = 262;

/** Trend reports from sealed, disclosure-controlled week cubes (see SealedWeeksService). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly sealed: SealedWeeksService,
    private readonly config: AppConfig,
  ) {}

  async trends(user: AuthUser, query: TrendsQuery): Promise<TrendsReport> {
    if (!REPORT_ROLES.includes(user.role))
      throw new ForbiddenError('Reports are for managers and the privacy officer');
    const groupBy = parseGroupBy(query.groupBy);
    const range = isoWeeksBetween(validDate(query.from, 'from'), validDate(query.to, 'to'));
    if (!range.length) throw reportError(ReportErrorCode.InvalidRange, 'from must not be after to');
    if (range.length > MAX_WEEKS)
      throw reportError(ReportErrorCode.RangeTooLong, `A report covers at most ${MAX_WEEKS} weeks`);
    const cubes = await this.sealed.cubes(range, new Date());
    return {
      minCell: this.config.reportMinCell,
      from: range[0].start,
      to: weekEnd(range[range.length - 1].start),
      weeks: cubes.map((c) => c.week),
      groupBy,
      rows: trendRows(REPORT_SHAPE, FACT_DIMENSIONS, cubes, groupBy),
    };
  }

  async trendsCsv(user: AuthUser, query: TrendsQuery): Promise<string> {
    const report = await this.trends(user, query);
    const keys = GROUP_KEYS.filter((k) => report.groupBy.includes(k));
    return trendsCsv(keys, report.rows);
  }
}

function validDate(value: string, name: string): string {
  if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    throw reportError(ReportErrorCode.InvalidRange, `${name} is not a valid date`);
  }
  return value;
}

function parseGroupBy(value: string | undefined): GroupKey[] {
  const keys = (value ?? 'week')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys.filter((k) => !(GROUP_KEYS as readonly string[]).includes(k));
  if (unknown.length) {
    throw reportError(ReportErrorCode.InvalidGroupBy, `groupBy may only name ${GROUP_KEYS.join(', ')}`);
  }
  if (keys.filter((k) => k !== 'week').length > REPORT_MAX_DIMENSIONS) {
    throw reportError(
      ReportErrorCode.TooDetailed,
      `A report crosses the week with at most ${REPORT_MAX_DIMENSIONS} of channel, topic, language, sentiment: finer tables would single out people`,
    );
  }
  return GROUP_KEYS.filter((k) => keys.includes(k));
}
