import { Module } from '@nestjs/common';
import { PseudonymVaultStore } from './pseudonym-vault.store';

/** Each case's encrypted token vault. */
@Module({ providers: [PseudonymVaultStore], exports: [PseudonymVaultStore] })
export class PseudonymsDomainModule {}
