import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListCasesQuery {
  @IsOptional()
  @IsIn(['open', 'answered', 'closed', 'all'], {
    message: 'status must be one of: open, answered, closed, all',
  })
  status?: 'open' | 'answered' | 'closed' | 'all';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  /** Opaque cursor from the previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  cursor?: string;
}
