import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';
import { ReplyFormService } from './reply-form.service';

@Module({
  imports: [CasesModule],
  controllers: [RepliesController],
  providers: [RepliesService, ReplyFormService],
  exports: [RepliesService],
})
export class RepliesModule {}
