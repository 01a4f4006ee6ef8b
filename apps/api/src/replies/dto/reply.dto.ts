import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReplyDto {
  @IsString()
  @MaxLength(4096, { message: 'text must be at most 4096 characters (the WhatsApp limit)' })
  text: string;

  /** Facebook comment conversations: a public comment reply (default) or a private (Messenger) reply. */
  @IsOptional()
  @IsIn(['public', 'private'], { message: 'visibility must be "public" or "private"' })
  visibility?: 'public' | 'private';
}
