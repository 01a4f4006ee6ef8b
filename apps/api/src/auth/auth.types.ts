import { Role } from '@webcare/platform';

/** What a verified bearer token says about its holder. */
export interface AuthUser {
  id: string;
  role: Role;
  teamId: string | null;
}

/** A token whose signature and expiry are good; still to be checked against the user's version. */
export interface VerifiedToken {
  user: AuthUser;
  version: number;
  /** Epoch milliseconds. */
  expiresAt: number;
}
