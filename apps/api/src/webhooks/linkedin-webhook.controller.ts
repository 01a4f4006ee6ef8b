import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { LinkedInChallengeService } from './linkedin-challenge.service';

/** LinkedIn's webhook validation (repeated every two hours). Deliveries (POST) go to WebhookHttpEntry. */
@ApiExcludeController()
@Public()
@Controller('webhooks/linkedin')
export class LinkedInWebhookController {
  constructor(private readonly challenge: LinkedInChallengeService) {}

  @Get()
  validate(
    @Query('challengeCode') code: unknown,
  ): Promise<{ challengeCode: string; challengeResponse: string }> {
    return this.challenge.answer(code);
  }
}
