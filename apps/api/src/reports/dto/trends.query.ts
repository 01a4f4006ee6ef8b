import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class TrendsQuery {
  @ApiProperty({
    example: '2026-01-01',
    description: 'First day; widened to the Monday of its ISO week (UTC)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({
    example: '2026-03-31',
    description: 'Last day; widened to the Sunday of its ISO week (UTC)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({
    example: 'week,channel,topic',
    description:
      'Comma-separated: week and at most two of channel, topic, language, sentiment (default week)',
  })
  @IsOptional()
  @IsString()
  groupBy?: string;
}
