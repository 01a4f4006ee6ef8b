import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { CHANNELS, Channel, isValidPeriod } from '@webcare/core';

export function IsIsoPeriod(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoPeriod',
      validator: {
        validate: (value) => isValidPeriod(value),
        defaultMessage: (args) =>
          `${args?.property} must be a positive ISO-8601 duration such as P30D or PT5S`,
      },
    },
    options,
  );
}

export class UpdateRetentionPolicyDto {
  @IsIsoPeriod()
  period: string;

  @IsOptional()
  @IsIsoPeriod()
  maxUnansweredAge?: string;
}

export class AccountRetentionDto {
  /** The account's own period, or null to fall back to its channel's default. */
  @ValidateIf((o: AccountRetentionDto) => o.period !== null)
  @IsIsoPeriod({ message: 'period must be a positive ISO-8601 duration such as P30D, or null' })
  period: string | null;
}

export class PlaceLegalHoldDto {
  /** A reference such as a file number; not personal data. */
  @IsString()
  @MinLength(1, { message: 'reason is required' })
  @MaxLength(500)
  reason: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO-8601 date-time' })
  expiresAt?: string;
}

export class SubjectDto {
  @IsIn(CHANNELS as unknown as string[], { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel: Channel;

  /** The person's id on the channel: phone number (WhatsApp), PSID (Facebook), URN (LinkedIn). */
  @IsString()
  @MinLength(1, { message: 'externalId is required' })
  @MaxLength(256)
  externalId: string;
}

export class ListDeletionsQuery {
  /** Confirms whether this (known) case was deleted: matched via its keyed hash. */
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a uuid' })
  caseId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ListLegalHoldsQuery {
  @IsOptional()
  @IsIn(['active', 'all'])
  status?: 'active' | 'all';
}
