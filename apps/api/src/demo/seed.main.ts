import 'reflect-metadata';
import { AppConfig, Channel, createDataSource, KeyRing, KeyStore, loadConfigOrExit } from '@webcare/platform';
import {
  ChannelAccountsRepository,
  ChannelAccountsService,
  ensureTeam,
  storeInboundEvents,
} from '@webcare/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { UsersRepository } from '../users/users.repository';
import { DEMO_CONVERSATIONS } from './demo-conversations';
import { DemoFactsRepository } from './demo-facts.repository';

const DEMO_PASSWORD = 'demo-password-2026';

const USERS = [
  { email: 'agent@demo.school', name: 'Anouk (agent)', role: 'agent', team: 'Admissions' },
  { email: 'agent2@demo.school', name: 'Bram (agent)', role: 'agent', team: 'Admissions' },
  { email: 'lead@demo.school', name: 'Carla (team lead)', role: 'team_lead', team: 'Admissions' },
  {
    email: 'international@demo.school',
    name: 'Dev (team lead)',
    role: 'team_lead',
    team: 'International Office',
  },
  { email: 'manager@demo.school', name: 'Eva (manager)', role: 'manager', team: null },
  { email: 'privacy@demo.school', name: 'Frank (privacy officer)', role: 'privacy_officer', team: null },
  { email: 'admin@demo.school', name: 'Gina (admin)', role: 'admin', team: null },
] as const;

/**
 * Used unless the environment configures an account for the channel. Facebook and LinkedIn
 * conversations arrive later as signed webhooks (deliver-webhooks.main), so accounts bootstrapped
 * from the environment keep their secrets.
 */
const DEMO_ACCOUNTS = [
  {
    channel: 'whatsapp',
    externalId: 'demo-phone-1',
    name: 'WhatsApp admissions',
    verifyToken: 'demo-verify',
  },
  { channel: 'facebook', externalId: 'demo-page-1', name: 'Facebook page', verifyToken: 'demo-verify' },
  {
    channel: 'linkedin',
    externalId: 'urn:li:organization:1000001',
    name: 'LinkedIn page',
    verifyToken: null,
  },
] as const;

/** Idempotent: teams, one user per role, channel accounts and a dozen conversations that the worker files. */
async function seed(
  config: AppConfig,
  dataSource: DataSource,
  keyRing: KeyRing,
  accounts: ChannelAccountsService,
): Promise<void> {
  const teams = new Map<string, string>();
  for (const name of ['Admissions', 'International Office', 'Student Finance']) {
    teams.set(name, await ensureTeam(dataSource, name));
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const users = new UsersRepository(dataSource);
  for (const u of USERS) {
    const teamId = u.team ? teams.get(u.team)! : null;
    await users.insertIfNew(dataSource.manager, { ...u, teamId, passwordHash: hash });
  }
  await accounts.bootstrapFromConfig();
  const admissions = teams.get('Admissions')!;
  const allowlist = { emails: ['info@demo.school', 'admissions@demo.school'], domains: ['demo.school'] };
  const accountIds = {} as Record<Channel, string>;
  for (const a of DEMO_ACCOUNTS) {
    accountIds[a.channel] =
      (await accounts.find(a.channel, configured(config, a.channel) ?? a.externalId))?.id ??
      (await accounts.upsert({
        ...a,
        teamId: admissions,
        appSecret: secret(),
        accessToken: 'demo-token',
        allowlist,
      }));
  }

  const start = Date.now() - DEMO_CONVERSATIONS.length * 3_600_000;
  const rows = DEMO_CONVERSATIONS.flatMap((c, ci) =>
    (c.channel === 'whatsapp' ? c.messages : []).map((text, mi) => ({
      accountId: accountIds[c.channel],
      event: {
        kind: 'message' as const,
        channel: c.channel,
        accountExternalId: 'demo',
        externalId: `demo-${c.channel}-${ci}-${mi}`,
        senderExternalId: c.sender,
        senderName: c.name,
        timestamp: new Date(start + ci * 3_600_000 + mi * 120_000),
        messageType: 'text',
        text,
      },
    })),
  );
  const stored = (await storeInboundEvents(dataSource, keyRing, rows, { outbox: true })).length;
  // The demo conversations' own facts land in the current week, which is not reported until sealed.
  const demoFacts = new DemoFactsRepository(dataSource);
  const facts = (await demoFacts.hasPastFacts()) ? 0 : await demoFacts.insertPastWeeks();
  process.stderr.write(
    `seeded ${USERS.length} users, ${stored} new WhatsApp demo messages (the worker files them; Facebook and LinkedIn follow as webhooks), ${facts} report facts\n`,
  );
}

function configured(config: AppConfig, channel: Channel): string | undefined {
  return config.channels.find((c) => c.channel === channel)?.externalId;
}

function secret(): string {
  return randomBytes(16).toString('hex');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.env === 'production') {
    // Demo users share one published password: never on an installation that holds real data.
    process.stderr.write('Refusing to seed demo data with NODE_ENV=production\n');
    process.exit(1);
  }
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  const keyStore = new KeyStore(config);
  try {
    const keyRing = new KeyRing(config, keyStore);
    await seed(
      config,
      dataSource,
      keyRing,
      new ChannelAccountsService(new ChannelAccountsRepository(dataSource), keyRing, config),
    );
  } finally {
    await dataSource.destroy();
    await keyStore.onApplicationShutdown();
  }
  const logins = USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role }));
  process.stdout.write(`${JSON.stringify({ logins })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`Seeding failed: ${err.message}\n`);
  process.exit(1);
});
