import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class AvailabilityDto {
  @IsBoolean()
  available: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  capacity?: number;
}
