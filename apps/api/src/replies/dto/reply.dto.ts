import { IsString, MaxLength } from 'class-validator';

export class ReplyDto {
  @IsString()
  @MaxLength(4096, { message: 'text must be at most 4096 characters (the WhatsApp limit)' })
  text: string;
}
