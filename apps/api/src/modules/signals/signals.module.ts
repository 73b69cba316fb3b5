import { Global, Module } from '@nestjs/common';
import { EvidenceEventsService } from './evidence-events.service';
import { SignalHistoryResolver } from './history/signal-history.resolver';
import { SignalsResolver, VendorSignalsFieldResolver } from './signals.resolver';
import { SignalsService } from './signals.service';
import { VendorEvidenceRepository } from './vendor-evidence.repository';

/** Global so every module that records a fact can record its `VendorEvidenceChanged` event in its transaction. */
@Global()
@Module({
  providers: [SignalsService, EvidenceEventsService, VendorEvidenceRepository, SignalsResolver, VendorSignalsFieldResolver, SignalHistoryResolver],
  exports: [SignalsService, EvidenceEventsService, VendorEvidenceRepository],
})
export class SignalsModule {}
