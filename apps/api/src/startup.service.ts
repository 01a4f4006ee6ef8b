import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { detect } from '@webcare/anonymizer';
import { AuditService, ChannelAccountsService } from '@webcare/domain';
import { UsersService } from './users/users.service';

/** Idempotent start-up writes, safe when several API instances start at once. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly channelAccounts: ChannelAccountsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.audit.sealLegacyChain();
    await this.users.bootstrapAdmin();
    await this.channelAccounts.bootstrapFromConfig();
    // Name lists load on first use (seconds); do it now rather than in someone's first reply.
    detect('Hoi, ik ben Sanne de Vries, bel me op 06-12345678');
  }
}
