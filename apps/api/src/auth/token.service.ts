import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role, ROLES } from '@webcare/platform';
import { AuthUser, VerifiedToken } from './auth.types';

interface TokenClaims {
  sub: string;
  role: Role;
  teamId: string | null;
  /** The user's token version at issue; a bump (logout, deactivation, role change) revokes it. */
  ver: number;
  exp?: number;
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthUser, version: number): string {
    const claims: TokenClaims = { sub: user.id, role: user.role, teamId: user.teamId, ver: version };
    return this.jwt.sign(claims);
  }

  /** Returns null for any invalid, expired or malformed token; whether it was revoked is asked separately. */
  verify(token: string | undefined): VerifiedToken | null {
    if (!token) return null;
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      if (!ROLES.includes(claims.role) || !Number.isInteger(claims.ver) || !claims.exp) return null;
      return {
        user: { id: claims.sub, role: claims.role, teamId: claims.teamId ?? null },
        version: claims.ver,
        expiresAt: claims.exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
