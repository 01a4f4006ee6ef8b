import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ForbiddenError, Role } from '@webcare/core';
import { Request } from 'express';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthUser } from './auth.types';
import { TokenService } from './token.service';

/** Global guard: a route is either @Public() or states its @Roles(); anything else is refused. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.headers.authorization;
    const user = this.tokens.verify(header?.startsWith('Bearer ') ? header.slice(7) : undefined);
    if (!user)
      throw new DomainError('UNAUTHORIZED', 'Log in first: send Authorization: Bearer <accessToken>', 401);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles || !roles.includes(user.role)) throw new ForbiddenError();
    req.user = user;
    return true;
  }
}
