import { IsUUID } from 'class-validator';

export class AssignDto {
  @IsUUID('4', { message: 'userId must be a user id' })
  userId: string;
}
