import { Global, Module } from '@nestjs/common';
import { SearchIndexRepository } from './search-index.repository';

/**
 * The narrow rows buyer search reads (`vendor_search`, `vendor_search_text`) and their one writer.
 * Global, like SignalsModule, and below it in the module layers: the signals pipeline refreshes the
 * search rows of every vendor it recomputes; search reads them.
 */
@Global()
@Module({ providers: [SearchIndexRepository], exports: [SearchIndexRepository] })
export class SearchIndexModule {}
