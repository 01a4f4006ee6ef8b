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
import { CHANNELS, Channel } from '@webcare/platform';
import { isValidPeriod } from '@webcare/domain';
import { LEGAL_HOLD_REASONS, LegalHoldReasonCode } from '../legal-hold-reasons';

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
  /** Why the case is held, from the list. Required unless an older client sends `reason`. */
  @ValidateIf((o: PlaceLegalHoldDto) => o.reason === undefined || o.reasonCode !== undefined)
  @IsIn(LEGAL_HOLD_REASONS as unknown as string[], {
    message: `reasonCode must be one of ${LEGAL_HOLD_REASONS.join(', ')}`,
  })
  reasonCode?: LegalHoldReasonCode;

  /** Optional context such as a file number; names, phone numbers and emails are replaced before storage. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /** Deprecated free-text reason (older clients): stored as the note of an `other` hold. */
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'reason is required' })
  @MaxLength(500)
  reason?: string;

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
