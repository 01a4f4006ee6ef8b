import { IsString, MaxLength, MinLength } from 'class-validator';

export class NoteDto {
  @IsString()
  @MinLength(1, { message: 'text is required' })
  @MaxLength(4000)
  text: string;
}
