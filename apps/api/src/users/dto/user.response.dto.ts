import { Role } from '@webcare/platform';
import { ListOf } from '../../http/dto/list.response.dto';

/** A staff account as administrators see it: never a password hash. */
export class UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  active: boolean;
}

export class UserList extends ListOf(UserView) {}

export class Availability {
  available: boolean;
  capacity: number;
}
