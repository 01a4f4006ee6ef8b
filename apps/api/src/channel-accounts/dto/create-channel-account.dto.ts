import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Channel, CHANNELS } from '@webcare/platform';

export class AllowlistDto {
  @IsOptional() @IsArray() @IsString({ each: true }) emails?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) phones?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) domains?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) addresses?: string[];
}

export class CreateChannelAccountDto {
  @IsIn(CHANNELS, { message: `channel must be one of: ${CHANNELS.join(', ')}` })
  channel: Channel;

  /** WhatsApp phone_number_id, Facebook page id or LinkedIn organization URN. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @IsUUID('4', { message: 'teamId must be a team id' })
  teamId: string;

  @IsString()
  @MinLength(8, { message: 'appSecret looks too short' })
  appSecret: string;

  @IsOptional()
  @IsString()
  verifyToken?: string;

  @IsString()
  @MinLength(8, { message: 'accessToken looks too short' })
  accessToken: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AllowlistDto)
  allowlist?: AllowlistDto;
}
