import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { TrendsQuery } from './dto/trends.query';
import { TrendsReport } from './dto/trends.response.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Roles('manager', 'privacy_officer')
  @Get('trends')
  @ApiOkResponse({ type: TrendsReport })
  trends(@CurrentUser() user: AuthUser, @Query() query: TrendsQuery): Promise<TrendsReport> {
    return this.reports.trends(user, query);
  }

  @Roles('manager', 'privacy_officer')
  @Get('trends.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="trends.csv"')
  trendsCsv(@CurrentUser() user: AuthUser, @Query() query: TrendsQuery): Promise<string> {
    return this.reports.trendsCsv(user, query);
  }
}
