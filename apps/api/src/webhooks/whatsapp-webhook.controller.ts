import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { MetaHandshakeService } from './meta-handshake.service';
import { WebhookIngestService } from './webhook-ingest.service';
import { whatsAppSource } from './webhook-sources';

@ApiExcludeController()
@Public()
@Controller('webhooks/whatsapp')
export class WhatsAppWebhookController {
  constructor(
    private readonly ingest: WebhookIngestService,
    private readonly handshake: MetaHandshakeService,
  ) {}

  @Get()
  async verify(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    res.type('text/plain').send(await this.handshake.answer('whatsapp', query));
  }

  @Post()
  @HttpCode(200)
  receive(
    @Body() body: unknown,
    @Headers('x-hub-signature-256') signature?: string,
  ): Promise<{ status: 'ok' }> {
    return this.ingest.receive(whatsAppSource, body, signature);
  }
}
