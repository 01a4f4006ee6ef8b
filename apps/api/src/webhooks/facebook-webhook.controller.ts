import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { MetaHandshakeService } from './meta-handshake.service';

/** The Meta handshake for Page webhooks. Deliveries (POST) are answered by WebhookHttpEntry, ahead of Nest. */
@ApiExcludeController()
@Public()
@Controller('webhooks/facebook')
export class FacebookWebhookController {
  constructor(private readonly handshake: MetaHandshakeService) {}

  @Get()
  async verify(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    res.type('text/plain').send(await this.handshake.answer('facebook', query));
  }
}
