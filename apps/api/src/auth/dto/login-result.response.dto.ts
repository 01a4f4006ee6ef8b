import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@webcare/platform';

/** The signed-in user as the web app keeps it for the session. */
export class SessionUser {
  id: string;
  email: string;
  name: string;
  @ApiProperty({ enum: ROLES })
  role: string;
  teamId: string | null;
}

export class LoginResult {
  accessToken: string;
  user: SessionUser;
}
