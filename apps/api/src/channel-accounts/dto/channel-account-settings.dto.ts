import { IsBoolean, IsOptional } from 'class-validator';

export class ChannelAccountSettingsDto {
  /** Facebook: reply in Messenger up to 7 days after the person's last message (HUMAN_AGENT tag; needs Meta's approval). */
  @IsOptional()
  @IsBoolean({ message: 'humanAgentTag must be true or false' })
  humanAgentTag?: boolean;
}
