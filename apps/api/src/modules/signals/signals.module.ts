import { Global, Module } from '@nestjs/common';
import { SignalsResolver, VendorSignalsFieldResolver } from './signals.resolver';
import { SignalsService } from './signals.service';
import { VendorEvidenceRepository } from './vendor-evidence.repository';

/** Global so every module that records a fact can refresh the vendor's signals in its transaction. */
@Global()
@Module({ providers: [SignalsService, VendorEvidenceRepository, SignalsResolver, VendorSignalsFieldResolver], exports: [SignalsService, VendorEvidenceRepository] })
export class SignalsModule {}
