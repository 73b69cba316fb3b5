import { Module } from '@nestjs/common';
import { SearchRepository } from './search.repository';
import { SearchResolver, VendorComparisonResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  providers: [SearchRepository, SearchService, SearchResolver, VendorComparisonResolver],
  exports: [SearchService, SearchRepository],
})
export class SearchModule {}
