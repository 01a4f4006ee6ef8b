import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class RequestConsentDto {
  @IsUUID('4', { message: 'teamId must be the id of the team that would receive the data' })
  teamId: string;

  @IsString()
  @MinLength(3, { message: 'purpose must say why the data is handed over' })
  @MaxLength(200)
  purpose: string;

  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}
