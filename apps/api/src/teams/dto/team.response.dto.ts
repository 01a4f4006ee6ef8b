import { ListOf } from '../../http/dto/list.response.dto';

export class TeamView {
  id: string;
  name: string;
}

export class TeamList extends ListOf(TeamView) {}
