import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { teamRoom, userRoom } from '@webcare/core';
import { Server, Socket } from 'socket.io';
import { AuthUser } from '../auth/auth.types';
import { TokenService } from '../auth/token.service';

/** Clients authenticate in the handshake and join their team and user rooms; events carry ids only. */
@WebSocketGateway({ path: '/socket.io', cors: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(private readonly tokens: TokenService) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const user = this.tokens.verify(typeof token === 'string' ? token : undefined);
      if (!user) return next(new Error('UNAUTHORIZED: a valid access token is required'));
      socket.data.user = user;
      next();
    });
  }

  handleConnection(client: Socket): void {
    const user = client.data.user as AuthUser;
    void client.join([userRoom(user.id), ...(user.teamId ? [teamRoom(user.teamId)] : [])]);
  }
}
