import {
  decideReply,
  HUMAN_AGENT_WINDOW_MS,
  MESSENGER_WINDOW_MS,
  needsHumanAgentTag,
  PRIVATE_REPLY_WINDOW_MS,
  ReplyContext,
  ReplyRuleError,
} from './reply-rules';

const now = new Date('2026-11-30T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const base: ReplyContext = {
  channel: 'facebook',
  isComment: false,
  lastInboundAt: ago(1000),
  target: null,
  humanAgentTag: false,
  draftHasIdentifier: false,
  now,
};
const errorOf = (ctx: Partial<ReplyContext>) => {
  const d = decideReply({ ...base, ...ctx });
  return d.ok ? null : d.error;
};

describe('Messenger window', () => {
  it('is open for 24 hours, then closed unless the human agent tag is enabled', () => {
    expect(errorOf({ lastInboundAt: ago(MESSENGER_WINDOW_MS - 1000) })).toBeNull();
    expect(errorOf({ lastInboundAt: ago(MESSENGER_WINDOW_MS + 1000) })).toBe(ReplyRuleError.WindowClosed);
    expect(errorOf({ lastInboundAt: ago(MESSENGER_WINDOW_MS + 1000), humanAgentTag: true })).toBeNull();
  });
  it('closes after 7 days even with the human agent tag', () => {
    expect(errorOf({ lastInboundAt: ago(HUMAN_AGENT_WINDOW_MS + 1000), humanAgentTag: true })).toBe(
      ReplyRuleError.WindowClosed,
    );
  });
  it('tags a send only after 24 hours', () => {
    expect(needsHumanAgentTag(ago(1000), now)).toBe(false);
    expect(needsHumanAgentTag(ago(MESSENGER_WINDOW_MS + 1), now)).toBe(true);
    expect(needsHumanAgentTag(null, now)).toBe(false);
  });
  it('refuses a visibility on a direct conversation', () => {
    expect(errorOf({ visibility: 'private' })).toBe(ReplyRuleError.VisibilityNotSupported);
  });
});

describe('comment replies', () => {
  const comment = { isComment: true, target: { sentAt: ago(1000), privatelyAnswered: false } };
  it('defaults to public and refuses identifiers in public, advising a private reply', () => {
    expect(decideReply({ ...base, ...comment })).toEqual({
      ok: true,
      visibility: 'public',
      answersComment: true,
    });
    const refused = decideReply({ ...base, ...comment, draftHasIdentifier: true });
    expect(refused).toMatchObject({ ok: false, error: ReplyRuleError.PublicReplyHasIdentifier });
    expect(!refused.ok && refused.message).toMatch(/privately/);
  });
  it('allows one private reply per comment, within 7 days', () => {
    expect(errorOf({ ...comment, visibility: 'private', draftHasIdentifier: true })).toBeNull();
    expect(
      errorOf({ ...comment, visibility: 'private', target: { sentAt: ago(1000), privatelyAnswered: true } }),
    ).toBe(ReplyRuleError.PrivateReplyUsed);
    expect(
      errorOf({
        ...comment,
        visibility: 'private',
        target: { sentAt: ago(PRIVATE_REPLY_WINDOW_MS + 1000), privatelyAnswered: false },
      }),
    ).toBe(ReplyRuleError.PrivateReplyExpired);
  });
  it('has no window for public comment replies, and no private replies on LinkedIn', () => {
    expect(errorOf({ ...comment, lastInboundAt: ago(30 * MESSENGER_WINDOW_MS) })).toBeNull();
    expect(errorOf({ ...comment, channel: 'linkedin', visibility: 'private' })).toBe(
      ReplyRuleError.VisibilityNotSupported,
    );
  });
  it('refuses when the comment answered is gone', () => {
    expect(errorOf({ isComment: true, target: null })).toBe(ReplyRuleError.NoCommentToAnswer);
  });
});
