import type { DnsLookup } from '@assay/domain';

/** Injection token of the one resolver through which Assay asks DNS and RDAP about domains. */
export const DOMAIN_FACTS = Symbol('DOMAIN_FACTS');

/**
 * What the outside world says about a domain. Every method answers within the
 * configured timeout; "no answer" is `unreachable` / null, never an all-clear.
 */
export interface DomainFacts {
  /** Name servers, mail exchangers and SOA record of a domain. */
  dns(domain: string): Promise<DnsLookup>;
  /** TXT records of a name; null when DNS did not answer. */
  txt(name: string): Promise<string[][] | null>;
  /** When the domain was registered (RDAP `registration` event); null when unknown or unreachable. */
  registeredAt(domain: string): Promise<Date | null>;
}
