import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Only the secrets named are replaced; at least one must be. */
export class RotateSecretsDto {
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'appSecret looks too short' })
  @MaxLength(500)
  appSecret?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  verifyToken?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'accessToken looks too short' })
  @MaxLength(4000)
  accessToken?: string;
}
