import { Module } from '@nestjs/common';
import { SearchIndexModule } from '../search-index/search-index.module';
import { SearchRepository } from './search.repository';
import { VendorsModule } from '../vendors/vendors.module';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [SearchIndexModule, VendorsModule],
  providers: [SearchRepository, SearchService, SearchResolver],
  exports: [SearchService, SearchRepository],
})
export class SearchModule {}
