import { Injectable } from '@nestjs/common';
import { UserEntity } from '@webcare/platform';
import { DataSource } from 'typeorm';

/** The one read of a password hash: the active account a login names. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  activeByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email })
      .getOne();
  }
}
