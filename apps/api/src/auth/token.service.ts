import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role, ROLES } from '@webcare/core';
import { AuthUser } from './auth.types';

interface TokenClaims {
  sub: string;
  role: Role;
  teamId: string | null;
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthUser): string {
    const claims: TokenClaims = { sub: user.id, role: user.role, teamId: user.teamId };
    return this.jwt.sign(claims);
  }

  /** Returns null for any invalid, expired or malformed token. */
  verify(token: string | undefined): AuthUser | null {
    if (!token) return null;
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      if (!ROLES.includes(claims.role)) return null;
      return { id: claims.sub, role: claims.role, teamId: claims.teamId ?? null };
    } catch {
      return null;
    }
  }
}
