import { Global, Module } from '@nestjs/common';
import { SignalsService } from './signals.service';
import { VendorEvidenceRepository } from './vendor-evidence.repository';

/** Global so every module that records a fact can refresh the vendor's signals in its transaction. */
@Global()
@Module({ providers: [SignalsService, VendorEvidenceRepository], exports: [SignalsService, VendorEvidenceRepository] })
export class SignalsModule {}
