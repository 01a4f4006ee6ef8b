import { Channel } from '@webcare/platform';

export class RetentionPolicyView {
  channel: Channel;
  period: string;
  maxUnansweredAge: string;
  updatedAt: string;
}

export class AccountRetentionView {
  id: string;
  channel: Channel;
  name: string;
  retentionPeriod: string | null;
}

/** The channels' default periods, and each account's own period where it has one. */
export class RetentionPolicies {
  items: RetentionPolicyView[];
  accounts: AccountRetentionView[];
}
