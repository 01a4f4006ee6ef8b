import { InboundMessageEvent } from '@webcare/channels';
import { aad, decrypt, generateDataKey, KeyRing } from '@webcare/platform';
import { ChannelAccountSecrets } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { ContactProbe, ContactsRepository, LockedContactRow, NewContact } from './contacts.repository';
import { IntakeContacts } from './intake-contacts.service';
import { IncomingThread } from './intake-threads';

const account = { id: 'a1', channel: 'whatsapp', teamId: 't1' } as ChannelAccountSecrets;
const thread = (person: string): IncomingThread => ({
  account,
  hash: Buffer.from(person),
  threadHash: null,
  first: { senderExternalId: `316${person}`, senderName: `Name ${person}` } as InboundMessageEvent,
  lastAt: new Date(),
});

/** Contacts by person; `racer` is created by another worker between our lock and our insert. */
function fakes(existing: Record<string, string>, racer: string | null) {
  const contacts = new Map(Object.entries(existing));
  const inserted: NewContact[] = [];
  const keys = new Map<string, Buffer>();
  const shredded: string[] = [];
  const repository = {
    lockWithOpenCases: async (_m: EntityManager, probes: ContactProbe[]) =>
      probes.flatMap((p): LockedContactRow[] => {
        const id = contacts.get(p.hash.toString());
        return id
          ? [
              {
                contact_id: id,
                channel_account_id: p.accountId,
                external_hash: p.hash,
                thread_hash: p.threadHash,
                ...(id === 'existing'
                  ? { case_id: 'k1', team_id: 't1', assignee_id: null, status: 'answered', data_key_id: 'dk' }
                  : { case_id: null, team_id: null, assignee_id: null, status: null, data_key_id: null }),
              },
            ]
          : [];
      }),
    insertMissing: async (_m: EntityManager, rows: NewContact[]) => {
      const ours = new Set<string>();
      for (const row of rows) {
        if (row.hash.toString() === racer) contacts.set(racer, 'theirs');
        else {
          contacts.set(row.hash.toString(), row.id);
          inserted.push(row);
          ours.add(row.id);
        }
      }
      return ours;
    },
  } as unknown as ContactsRepository;
  const keyRing = {
    newDataKey: () => {
      const id = `key-${keys.size}`;
      const key = generateDataKey();
      keys.set(id, key);
      return { id, key, wrapped: Buffer.alloc(0) };
    },
    storeDataKeys: async () => undefined,
    shredDataKeys: async (ids: string[]) => shredded.push(...ids),
  } as unknown as KeyRing;
  return { service: new IntakeContacts(keyRing, repository), inserted, keys, shredded };
}

describe('IntakeContacts', () => {
  it('finds, creates or (after losing a race) re-finds each contact, in the order given', async () => {
    const f = fakes({ sanne: 'existing' }, 'daan');
    const threads = [thread('new'), thread('sanne'), thread('daan'), thread('new')];
    const contacted = await f.service.attach({} as EntityManager, threads);
    const created = f.inserted[0].id;
    expect(contacted.map((t) => [t.contactId, t.openCase?.id ?? null])).toEqual([
      [created, null],
      ['existing', 'k1'],
      ['theirs', null],
      [created, null],
    ]);
    // One contact per person, its key used; the raced one's key is shredded unused.
    expect(f.inserted).toHaveLength(1);
    expect(f.shredded).toEqual([...f.keys.keys()].filter((k) => k !== f.inserted[0].dataKeyId));
  });

  it("seals a new contact's fields bound to its own id and field", async () => {
    const f = fakes({}, null);
    await f.service.attach({} as EntityManager, [thread('lotte')]);
    const [row] = f.inserted;
    const key = f.keys.get(row.dataKeyId)!;
    expect(decrypt(key, row.externalIdEnc, aad.contactField(row.id, 'external_id'))).toBe('316lotte');
    expect(decrypt(key, row.displayNameEnc!, aad.contactField(row.id, 'display_name'))).toBe('Name lotte');
    expect(() => decrypt(key, row.externalIdEnc, aad.contactField('another', 'external_id'))).toThrow();
  });
});
