import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, Role } from '@webcare/platform';
import { Request } from 'express';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthUser } from './auth.types';
import { SessionStateService } from './session-state.service';
import { TokenService } from './token.service';
import { authError, AuthErrorCode } from './auth.errors';

/**
 * Global guard: a route is either @Public() or states its @Roles(); anything else is refused. A
 * token must also still stand: not revoked by logout, deactivation or a role or team change.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStateService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization;
    const token = this.tokens.verify(header?.startsWith('Bearer ') ? header.slice(7) : undefined);
    if (!token || !(await this.sessions.isCurrent(token)))
      throw authError(AuthErrorCode.Unauthorized, 'Log in first: send Authorization: Bearer <accessToken>');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles || !roles.includes(token.user.role)) throw new ForbiddenError();
    req.user = token.user;
    return true;
  }
}
