import { Module } from '@nestjs/common';
import { SignalHistoryResolver } from './signal-history.resolver';

/** The Assay score over time: snapshots written by SignalsService, read through `VendorSignals.history`. */
@Module({ providers: [SignalHistoryResolver] })
export class SignalHistoryModule {}
