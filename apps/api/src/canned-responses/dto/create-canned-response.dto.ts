import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateCannedResponseDto {
  @IsString()
  @MinLength(1, { message: 'title is required' })
  @MaxLength(120)
  title: string;

  @IsString()
  @MinLength(1, { message: 'body is required' })
  @MaxLength(4000)
  body: string;

  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}
