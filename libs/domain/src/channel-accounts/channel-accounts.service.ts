import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  aad,
  AppConfig,
  Channel,
  ChannelAccountEntity,
  ChannelAccountSettings,
  ChannelSecretField,
  KeyRing,
} from '@webcare/platform';
import { ChannelAccountsRepository } from './channel-accounts.repository';

export interface ChannelAccountSecrets {
  id: string;
  channel: Channel;
  externalId: string;
  teamId: string;
  appSecret: string;
  verifyToken: string | null;
  accessToken: string;
  allowlist: ChannelAccountEntity['allowlist'];
  settings: ChannelAccountSettings;
}

const CACHE_MS = 5000;

/**
 * Channel accounts with their secrets opened; cached briefly because every webhook needs them.
 * An expired cache keeps answering while one refresh runs in the background: at 1,000 webhooks/s a
 * synchronous refresh would send every request of that moment to the database at once, taking the
 * pool's connections from the inserts.
 */
@Injectable()
export class ChannelAccountsService {
  private cache: { at: number; accounts: ChannelAccountSecrets[] } | null = null;
  /** The one load in progress, and the cache generation it belongs to (invalidate() starts a new one). */
  private loading: { generation: number; accounts: Promise<ChannelAccountSecrets[]> } | null = null;
  private generation = 0;

  constructor(
    private readonly repository: ChannelAccountsRepository,
    private readonly keyRing: KeyRing,
    private readonly config: AppConfig,
  ) {}

  async ofChannel(channel: Channel): Promise<ChannelAccountSecrets[]> {
    return (await this.all()).filter((a) => a.channel === channel);
  }

  async byId(id: string): Promise<ChannelAccountSecrets | null> {
    return (
      (await this.all()).find((a) => a.id === id) ?? (await this.all(true)).find((a) => a.id === id) ?? null
    );
  }

  async find(channel: Channel, externalId: string): Promise<ChannelAccountSecrets | null> {
    const hit = (accounts: ChannelAccountSecrets[]) =>
      accounts.find((a) => a.channel === channel && a.externalId === externalId) ?? null;
    return hit(await this.all()) ?? hit(await this.all(true));
  }

  invalidate(): void {
    this.cache = null;
    this.generation++;
  }

  private all(fresh = false): Promise<ChannelAccountSecrets[]> {
    if (fresh || !this.cache) return this.load();
    if (Date.now() - this.cache.at >= CACHE_MS) this.load().catch(() => undefined); // the next miss reports it
    return Promise.resolve(this.cache.accounts);
  }

  private load(): Promise<ChannelAccountSecrets[]> {
    if (this.loading?.generation === this.generation) return this.loading.accounts;
    const generation = this.generation;
    const accounts = this.openAll().then((loaded) => {
      if (generation === this.generation) this.cache = { at: Date.now(), accounts: loaded };
      return loaded;
    });
    this.loading = { generation, accounts };
    const done = () => {
      if (this.loading?.accounts === accounts) this.loading = null;
    };
    accounts.then(done, done);
    return accounts;
  }

  /** Every account with its secrets opened. */
  private async openAll(): Promise<ChannelAccountSecrets[]> {
    const rows = await this.repository.all();
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      externalId: r.externalId,
      teamId: r.teamId,
      appSecret: this.keyRing.openSecret(r.appSecretEnc, aad.channelSecret(r.id, 'app_secret')),
      verifyToken: r.verifyTokenEnc
        ? this.keyRing.openSecret(r.verifyTokenEnc, aad.channelSecret(r.id, 'verify_token'))
        : null,
      accessToken: this.keyRing.openSecret(r.accessTokenEnc, aad.channelSecret(r.id, 'access_token')),
      allowlist: r.allowlist,
      settings: r.settings ?? {},
    }));
  }

  /** Creates or updates the accounts named by environment variables, owned by BOOTSTRAP_TEAM. */
  async bootstrapFromConfig(): Promise<void> {
    if (!this.config.channels.length) return;
    const teamId = await this.repository.ensureTeam(this.config.bootstrapTeam);
    for (const c of this.config.channels) {
      await this.upsert({ ...c, teamId, name: `${c.channel} ${c.externalId}` });
    }
    this.invalidate();
  }

  async upsert(input: {
    channel: Channel;
    externalId: string;
    name: string;
    teamId: string;
    appSecret: string;
    verifyToken: string | null;
    accessToken: string;
    allowlist?: ChannelAccountEntity['allowlist'];
  }): Promise<string> {
    // The secrets are bound to the row's id, so it is known before sealing: the existing row's, or a
    // new one. Losing a race to another writer seals again for the winner's row.
    for (;;) {
      const id = (await this.repository.idOf(input.channel, input.externalId)) ?? randomUUID();
      const seal = (v: string, field: ChannelSecretField) =>
        this.keyRing.sealSecret(v, aad.channelSecret(id, field));
      const stored = await this.repository.upsert({
        id,
        channel: input.channel,
        externalId: input.externalId,
        name: input.name,
        teamId: input.teamId,
        appSecretEnc: seal(input.appSecret, 'app_secret'),
        verifyTokenEnc: input.verifyToken === null ? null : seal(input.verifyToken, 'verify_token'),
        accessTokenEnc: seal(input.accessToken, 'access_token'),
        allowlist: input.allowlist ?? {},
      });
      if (!stored) continue;
      this.invalidate();
      return id;
    }
  }
}

/** For scripts that run without Nest (the demo seed). */
export function ensureTeam(dataSource: DataSource, name: string): Promise<string> {
  return new ChannelAccountsRepository(dataSource).ensureTeam(name);
}
