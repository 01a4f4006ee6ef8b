import { Module } from '@nestjs/common';
import { RedactionOverlay } from './redaction-overlay.service';
import { RedactionsRepository } from './redactions.repository';

/** Agents' markings of missed identifiers, and the overlay every pseudonymized view applies. */
@Module({
  providers: [RedactionsRepository, RedactionOverlay],
  exports: [RedactionsRepository, RedactionOverlay],
})
export class RedactionsModule {}
