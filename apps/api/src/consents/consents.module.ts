import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RepliesModule } from '../replies/replies.module';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

@Module({
  imports: [CasesModule, RepliesModule],
  controllers: [ConsentsController],
  providers: [ConsentsService],
})
export class ConsentsModule {}
