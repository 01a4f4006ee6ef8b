import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

@Module({ imports: [CasesModule], controllers: [EscalationsController], providers: [EscalationsService] })
export class EscalationsModule {}
