import { isUUID } from 'class-validator';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { RealtimeEmitter, Role, teamRoom, userRoom } from '@webcare/platform';
import { Server, Socket } from 'socket.io';
import { AuthUser } from '../auth/auth.types';
import { SessionStateService } from '../auth/session-state.service';
import { TokenService } from '../auth/token.service';
import { CaseAccessService } from '../cases/case-access.service';
import { PresenceService } from './presence.service';

/** Only these roles see their team's cases, so only they hear the team's case events. */
const CASE_ROLES: ReadonlySet<Role> = new Set(['agent', 'team_lead']);
/** setTimeout's ceiling (about 24 days); longer-lived tokens are rechecked on reconnect. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Clients authenticate in the handshake and join their user room (and, for roles that see cases,
 * their team room). A socket is closed when its token expires or is revoked (logout, deactivation,
 * role or team change, on any API instance). Server events carry ids only. Clients announce which
 * case they have open (`case.viewing` every ~20 s, `case.left`), and the case's team hears
 * `presence.updated` with the viewers' user ids.
 */
@WebSocketGateway({ path: '/socket.io', cors: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayDisconnect {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionStateService,
    private readonly access: CaseAccessService,
    private readonly presence: PresenceService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  afterInit(server: Server): void {
    this.sessions.onRevoked((userId) => server.in(userRoom(userId)).local.disconnectSockets(true));
    server.use((socket, next) => {
      const raw = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const token = this.tokens.verify(typeof raw === 'string' ? raw : undefined);
      const refuse = () => next(new Error('UNAUTHORIZED: a valid access token is required'));
      if (!token) return refuse();
      this.sessions.isCurrent(token).then((current) => {
        if (!current) return refuse();
        const { user } = token;
        socket.data.user = user;
        socket.data.viewing = new Set<string>();
        const expiry = setTimeout(
          () => socket.disconnect(true),
          Math.min(token.expiresAt - Date.now(), MAX_TIMER_MS),
        );
        socket.once('disconnect', () => clearTimeout(expiry));
        const teamRooms = user.teamId && CASE_ROLES.has(user.role) ? [teamRoom(user.teamId)] : [];
        void socket.join([userRoom(user.id), ...teamRooms]);
        next();
      }, refuse);
    });
  }

  @SubscribeMessage('case.viewing')
  async viewing(
    @ConnectedSocket() client: Socket,
    @MessageBody() body: { caseId?: unknown },
  ): Promise<{ ok: boolean }> {
    const user = client.data.user as AuthUser;
    const caseId = typeof body?.caseId === 'string' && isUUID(body.caseId) ? body.caseId : null;
    if (!caseId) return { ok: false };
    const { kase } = await this.access.load(user, caseId).catch(() => ({ kase: null }));
    if (!kase) return { ok: false };
    (client.data.viewing as Set<string>).add(caseId);
    this.announce(kase.teamId, caseId, await this.presence.enter(caseId, user.id));
    return { ok: true };
  }

  @SubscribeMessage('case.left')
  async left(
    @ConnectedSocket() client: Socket,
    @MessageBody() body: { caseId?: unknown },
  ): Promise<{ ok: boolean }> {
    const caseId = typeof body?.caseId === 'string' ? body.caseId : null;
    if (!caseId || !(client.data.viewing as Set<string>).delete(caseId)) return { ok: false };
    await this.leaveCase(client, caseId);
    return { ok: true };
  }

  async handleDisconnect(client: Socket): Promise<void> {
    const viewing = client.data.viewing as Set<string> | undefined;
    if (!viewing) return;
    await Promise.all([...viewing].map((caseId) => this.leaveCase(client, caseId)));
  }

  private async leaveCase(client: Socket, caseId: string): Promise<void> {
    const user = client.data.user as AuthUser;
    const { kase } = await this.access.load(user, caseId).catch(() => ({ kase: null }));
    const viewers = await this.presence.leave(caseId, user.id);
    if (kase) this.announce(kase.teamId, caseId, viewers);
  }

  private announce(teamId: string, caseId: string, userIds: string[]): void {
    this.realtime.emit([teamRoom(teamId)], 'presence.updated', { caseId, userIds });
  }
}
