import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [CasesModule], providers: [RealtimeGateway, PresenceService] })
export class RealtimeModule {}
