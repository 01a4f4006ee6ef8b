import { Injectable } from '@nestjs/common';
import { DomainError, UserEntity } from '@webcare/core';
import { DataSource } from 'typeorm';
import { LoginDto } from './dto/login.dto';
import { LoginAttemptsService } from './login-attempts.service';
import { DUMMY_HASH, verifyPassword } from './password';
import { TokenService } from './token.service';

export interface LoginResult {
  accessToken: string;
  user: { id: string; email: string; name: string; role: string; teamId: string | null };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttemptsService,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResult> {
    const email = dto.email.trim().toLowerCase();
    await this.attempts.assertAllowed(email, ip);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), dto.password);
    if (!user || !ok) {
      await this.attempts.recordFailure(email, ip);
      throw new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong', 401);
    }
    await this.attempts.reset(email);
    return {
      accessToken: this.tokens.issue({ id: user.id, role: user.role, teamId: user.teamId }),
      user: { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId },
    };
  }
}
