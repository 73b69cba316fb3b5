import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccountsModule } from '../accounts/accounts.module';
import { EvidenceController, EvidenceUploadGuard } from './evidence.controller';
import { EvidenceOrphansService } from './evidence-orphans.service';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { BLOB_STORAGE } from './storage/blob-storage';
import { blobStorageProvider } from './storage/blob-storage.provider';
import { StagingStorage, stagingDir } from './upload-staging';

@Module({
  imports: [
    AccountsModule,
    // Uploads stream to a staging folder (hashed on the way) rather than into memory.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ storage: new StagingStorage(stagingDir(config)) }),
    }),
  ],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceOrphansService, EvidenceRepository, EvidenceResolver, EvidenceUploadGuard, blobStorageProvider],
  exports: [EvidenceService, BLOB_STORAGE],
})
export class EvidenceModule {}
