import { Module } from '@nestjs/common';
import { VerificationTasksRepository } from './verification-tasks.repository';

/** The task queue's storage, shared by case-study submission and the verification module. */
@Module({ providers: [VerificationTasksRepository], exports: [VerificationTasksRepository] })
export class VerificationCoreModule {}
