import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookPayloadError, type InboundMessageEvent, type NormalizedEvent } from '../channel.types';
import { parseWhatsAppWebhook, whatsAppAccountIds } from './whatsapp.parser';

const FIXTURES = join(__dirname, '../../../../test/fixtures/whatsapp');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const PNID = '109876543210987';
const SANNE = '31612345678';
const SANNE_BSUID = 'NL.1849302750193847';
const OUT_WAMID = 'wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';
const wamid = (n: number) =>
  `wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzRUIwMUE0QjZGOEM5RDBFMTIzN${String(n).padStart(2, '0')}A=`;
const at = (seconds: number) => new Date(seconds * 1000);
const TS = 1767261600;

/** What every single-message fixture from Sanne shares. */
const fromSanne = (n: number, messageType: string): Partial<InboundMessageEvent> => ({
  kind: 'message',
  channel: 'whatsapp',
  accountExternalId: PNID,
  externalId: wamid(n),
  senderExternalId: SANNE,
  senderBusinessScopedUserId: SANNE_BSUID,
  senderName: 'Sanne de Vries',
  timestamp: at(TS),
  messageType,
});

const expected: Record<string, Partial<NormalizedEvent>[]> = {
  'text.json': [
    { ...fromSanne(1, 'text'), text: 'Hoi, wanneer is de volgende open dag van de opleiding Verpleegkunde?' },
  ],
  'image.json': [
    {
      ...fromSanne(2, 'image'),
      text: 'Is dit het juiste aanmeldformulier?',
      media: {
        id: '1234567890123456',
        mimeType: 'image/jpeg',
        sha256: 'kOlbcRAJ1U4mb3pDkqW0FMGQ6DQ0eCBc5bFBuUOwnqA=',
      },
    },
  ],
  'video.json': [
    {
      ...fromSanne(3, 'video'),
      text: '',
      media: {
        id: '2345678901234567',
        mimeType: 'video/mp4',
        sha256: 'Xk1vCdh8jQ7T0YfF3n9gE2wz5LQmR6bsPa4uVyHcJo8=',
      },
    },
  ],
  'audio.json': [
    {
      ...fromSanne(4, 'audio'),
      text: '',
      media: {
        id: '3456789012345678',
        mimeType: 'audio/ogg; codecs=opus',
        sha256: 'b2V6dHlkZmdoamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=',
      },
    },
  ],
  'document.json': [
    {
      ...fromSanne(5, 'document'),
      text: 'Mijn cijferlijst van de havo',
      media: {
        id: '4567890123456789',
        mimeType: 'application/pdf',
        sha256: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=',
        filename: 'cijferlijst-havo.pdf',
      },
    },
  ],
  'sticker.json': [
    {
      ...fromSanne(6, 'sticker'),
      text: '',
      media: {
        id: '5678901234567890',
        mimeType: 'image/webp',
        sha256: 'c3RpY2tlcmhhc2gxMjM0NTY3ODkwYWJjZGVmZ2hpams=',
      },
    },
  ],
  'interactive-button-reply.json': [
    { ...fromSanne(7, 'interactive'), text: 'Ja, aanmelden', replyToExternalId: OUT_WAMID },
  ],
  'interactive-list-reply.json': [
    { ...fromSanne(8, 'interactive'), text: 'HBO-ICT', replyToExternalId: OUT_WAMID },
  ],
  'button.json': [{ ...fromSanne(9, 'button'), text: 'Herinner mij', replyToExternalId: OUT_WAMID }],
  'location.json': [
    {
      ...fromSanne(10, 'location'),
      text: 'Hogeschool Utrecht, Heidelberglaan 15, 3584 CS Utrecht',
      location: {
        latitude: 52.0842715,
        longitude: 5.1699126,
        name: 'Hogeschool Utrecht',
        address: 'Heidelberglaan 15, 3584 CS Utrecht',
      },
    },
  ],
  'contacts.json': [{ ...fromSanne(11, 'contacts'), text: 'Mark de Vries, Ingrid Bakker' }],
  'reaction.json': [{ ...fromSanne(12, 'reaction'), text: '👍', replyToExternalId: OUT_WAMID }],
  'system.json': [
    {
      ...fromSanne(13, 'system'),
      // System messages carry no contacts array, hence no name and no BSUID here.
      senderBusinessScopedUserId: undefined,
      senderName: undefined,
      text: 'User Sanne de Vries changed from [phone number] to [phone number]',
    },
  ],
  'unsupported.json': [
    { ...fromSanne(14, 'unsupported'), text: '', errors: [{ code: 131051, title: 'Message type unknown' }] },
  ],
  'unknown.json': [
    { ...fromSanne(15, 'unknown'), text: '', errors: [{ code: 131051, title: 'Unsupported message type' }] },
  ],
  'status-sent.json': [{ ...status('sent', TS + 60), clientReference: 'outbound-42' }],
  'status-delivered.json': [status('delivered', TS + 62)],
  'status-read.json': [status('read', TS + 120)],
  'status-failed.json': [
    { ...status('failed', TS + 90000), errors: [{ code: 131047, title: 'Re-engagement message' }] },
  ],
  'bsuid-sender.json': [
    {
      kind: 'message',
      accountExternalId: PNID,
      externalId: wamid(20),
      senderExternalId: 'NL.2093847561029384',
      senderBusinessScopedUserId: undefined,
      senderName: 'Daan Jansen',
      timestamp: at(TS + 5),
      messageType: 'text',
      text: 'Kan ik ook in februari instromen bij Bedrijfskunde?',
    },
  ],
  'non-ascii.json': [
    {
      kind: 'message',
      externalId: wamid(30),
      senderExternalId: '31698765432',
      senderName: 'Fatima El Amrani 🌷',
      text: 'Hoi! Ik ben Fatima, geïnteresseerd in de opleiding Café & Hotel 🎉. Mijn broer studeert in München (ü). Kan ik op 12/3 langskomen? één vraag nog 😊',
    },
  ],
  'batched.json': [
    {
      kind: 'message',
      accountExternalId: PNID,
      externalId: wamid(21),
      senderExternalId: SANNE,
      senderName: 'Sanne de Vries',
    },
    {
      kind: 'message',
      accountExternalId: PNID,
      externalId: wamid(22),
      senderExternalId: '31687654321',
      senderName: 'Daan Jansen',
    },
    {
      kind: 'status',
      accountExternalId: PNID,
      status: 'delivered',
      externalId: OUT_WAMID.replace('cA', 'c1'),
    },
    { kind: 'status', accountExternalId: PNID, status: 'read', externalId: OUT_WAMID.replace('cA', 'c1') },
    {
      kind: 'message',
      accountExternalId: '109876543219999',
      externalId: wamid(23),
      senderExternalId: '31698765432',
      senderName: 'Fatima El Amrani',
      messageType: 'image',
      text: '',
    },
    {
      kind: 'status',
      accountExternalId: '109876543219999',
      status: 'sent',
      recipientExternalId: '31698765432',
    },
  ],
};

function status(value: string, seconds: number): Partial<NormalizedEvent> {
  return {
    kind: 'status',
    channel: 'whatsapp',
    accountExternalId: PNID,
    externalId: OUT_WAMID,
    status: value as 'sent',
    timestamp: at(seconds),
    recipientExternalId: SANNE,
  };
}

describe('parseWhatsAppWebhook', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('has an expectation for every fixture', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('parses %s', (file, events) => {
    const parsed = parseWhatsAppWebhook(fixture(file));
    expect(parsed).toHaveLength(events.length);
    parsed.forEach((event, i) => expect(event).toMatchObject(events[i]));
  });

  it.each(files)('keeps the sender phone number out of every field but senderExternalId (%s)', (file) => {
    for (const event of parseWhatsAppWebhook(fixture(file))) {
      if (event.kind !== 'message' || !/^\d+$/.test(event.senderExternalId)) continue;
      const { senderExternalId, ...rest } = event;
      expect(JSON.stringify(rest)).not.toContain(senderExternalId);
    }
  });

  it('returns an empty list for a body with only other fields', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }],
    };
    expect(parseWhatsAppWebhook(body)).toEqual([]);
  });

  it('uses the recipient BSUID when a status carries no phone number', () => {
    const body = fixture('status-read.json') as {
      entry: { changes: { value: { statuses: { recipient_id?: string }[] } }[] }[];
    };
    delete body.entry[0].changes[0].value.statuses[0].recipient_id;
    expect(parseWhatsAppWebhook(body)).toMatchObject([{ recipientExternalId: SANNE_BSUID }]);
  });

  it('skips statuses it does not know instead of failing', () => {
    const body = fixture('status-read.json') as {
      entry: { changes: { value: { statuses: { status: string }[] } }[] }[];
    };
    body.entry[0].changes[0].value.statuses[0].status = 'deleted';
    expect(parseWhatsAppWebhook(body)).toEqual([]);
  });

  describe('malformed bodies', () => {
    const valid = () => fixture('text.json') as { entry: { changes: Record<string, unknown>[] }[] };
    const withMessage = (patch: Record<string, unknown>) => {
      const body = valid();
      const value = body.entry[0].changes[0].value as { messages: Record<string, unknown>[] };
      value.messages[0] = { ...value.messages[0], ...patch };
      return body;
    };

    it.each<[string, unknown]>([
      ['not an object', 'hello'],
      ['null', null],
      ['an array', [valid()]],
      ['wrong object type', { ...valid(), object: 'page' }],
      ['entry missing', { object: 'whatsapp_business_account' }],
      ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
      ['entry item not an object', { object: 'whatsapp_business_account', entry: [42] }],
      ['changes not an array', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: 'x' }] }],
      [
        'change not an object',
        { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [null] }] },
      ],
      [
        'metadata missing',
        {
          object: 'whatsapp_business_account',
          entry: [{ id: '1', changes: [{ field: 'messages', value: {} }] }],
        },
      ],
      [
        'messages not an array',
        {
          object: 'whatsapp_business_account',
          entry: [
            {
              id: '1',
              changes: [{ field: 'messages', value: { metadata: { phone_number_id: '1' }, messages: {} } }],
            },
          ],
        },
      ],
      ['message without id', withMessage({ id: undefined })],
      ['message without sender', withMessage({ from: undefined, from_user_id: undefined })],
      ['message with a bad timestamp', withMessage({ timestamp: 'yesterday' })],
      ['message without type', withMessage({ type: '' })],
    ])('rejects %s', (_label, body) => {
      expect(() => parseWhatsAppWebhook(body)).toThrow(WebhookPayloadError);
    });

    it('names the path, never a value, in the error message', () => {
      expect(() => parseWhatsAppWebhook(withMessage({ timestamp: 'yesterday' }))).toThrow(
        'Malformed WhatsApp webhook: entry[0].changes[0].value.messages[0].timestamp must be Unix seconds',
      );
      expect(() =>
        parseWhatsAppWebhook(withMessage({ from: undefined, from_user_id: undefined })),
      ).not.toThrow(/316|Sanne/);
    });
  });
});

describe('whatsAppAccountIds', () => {
  it('lists each phone_number_id once, in order', () => {
    expect(whatsAppAccountIds(fixture('batched.json'))).toEqual([PNID, '109876543219999']);
    expect(whatsAppAccountIds(fixture('text.json'))).toEqual([PNID]);
  });

  it('returns [] for anything it cannot read', () => {
    expect(whatsAppAccountIds('nope')).toEqual([]);
    expect(whatsAppAccountIds({ entry: [{ changes: [{ field: 'messages', value: {} }] }] })).toEqual([]);
  });
});
