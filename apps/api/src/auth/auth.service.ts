import { Injectable } from '@nestjs/common';
import { AuthUser } from './auth.types';
import { CredentialsRepository } from './credentials.repository';
import { LoginDto } from './dto/login.dto';
import { LoginAttemptsService } from './login-attempts.service';
import { DUMMY_HASH, verifyPassword } from './password';
import { SessionRepository } from './session.repository';
import { SessionStateService } from './session-state.service';
import { TokenService } from './token.service';
import { authError, AuthErrorCode } from './auth.errors';
import { LoginResult } from './dto/login-result.response.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttemptsService,
    private readonly sessionRows: SessionRepository,
    private readonly sessions: SessionStateService,
  ) {}

  /** Ends the user's sessions: every token issued so far stops working, sockets close. */
  async logout(user: AuthUser): Promise<void> {
    await this.sessionRows.bumpVersion(user.id);
    await this.sessions.revoked(user.id);
  }

  async login(dto: LoginDto, ip: string): Promise<LoginResult> {
    const email = dto.email.trim().toLowerCase();
    await this.attempts.reserve(email, ip);
    const user = await this.credentials.activeByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), dto.password);
    if (!user || !ok) throw authError(AuthErrorCode.InvalidCredentials, 'Email or password is wrong');
    await this.attempts.succeeded(email, ip);
    return {
      accessToken: this.tokens.issue(
        { id: user.id, role: user.role, teamId: user.teamId },
        user.tokenVersion,
      ),
      user: { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId },
    };
  }
}
