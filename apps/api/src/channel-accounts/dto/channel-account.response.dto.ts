import { ApiProperty } from '@nestjs/swagger';
import { ChannelAccountEntity, ChannelAccountSettings, CHANNELS } from '@webcare/platform';
import { ListOf } from '../../http/dto/list.response.dto';
import { ChannelAccountSettingsDto } from './channel-account-settings.dto';
import { AllowlistDto } from './create-channel-account.dto';

/** Secrets go in, never come out: responses show which account, not how to sign as it. */
export class ChannelAccountView {
  id: string;
  @ApiProperty({ enum: CHANNELS })
  channel: string;
  externalId: string;
  name: string;
  teamId: string;
  retentionPeriod: string | null;
  /** The institution's own mailboxes, numbers and addresses: never treated as personal data. */
  @ApiProperty({ type: AllowlistDto })
  allowlist: ChannelAccountEntity['allowlist'];
  @ApiProperty({ type: ChannelAccountSettingsDto })
  settings: ChannelAccountSettings;
}

export class ChannelAccountList extends ListOf(ChannelAccountView) {}
