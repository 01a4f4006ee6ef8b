import { IsString, MaxLength, MinLength } from 'class-validator';

export class AnswerEscalationDto {
  @IsString()
  @MinLength(1, { message: 'text is required' })
  @MaxLength(4000)
  text: string;
}
