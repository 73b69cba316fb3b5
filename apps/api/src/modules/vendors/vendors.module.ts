import { Module } from '@nestjs/common';
import { VendorsRepository } from './vendors.repository';
import { VendorsResolver } from './vendors.resolver';
import { VendorsService } from './vendors.service';

@Module({ providers: [VendorsRepository, VendorsService, VendorsResolver], exports: [VendorsRepository, VendorsService] })
export class VendorsModule {}
