import { ListOf } from '../../http/dto/list.response.dto';

export class CannedResponseView {
  id: string;
  title: string;
  body: string;
  language: string | null;
}

export class CannedResponseList extends ListOf(CannedResponseView) {}
