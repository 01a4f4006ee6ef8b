import { Role } from '@webcare/core';

/** What a verified bearer token says about its holder. */
export interface AuthUser {
  id: string;
  role: Role;
  teamId: string | null;
}
