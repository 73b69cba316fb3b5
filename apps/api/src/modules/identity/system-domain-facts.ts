import { Resolver } from 'node:dns/promises';
import type { DnsLookup } from '@assay/domain';
import type { IdentityConfig } from '../../config/config';
import type { DomainFacts } from './domain-facts.port';

const POSITIVE_TTL_MS = 60 * 60 * 1000;
const NEGATIVE_TTL_MS = 60 * 1000;
const MAX_ENTRIES = 10_000;
// DNS answers that mean "this name has no such record", as opposed to "no answer".
const NO_DATA = new Set(['ENODATA', 'ENOTFOUND', 'ENONAME', 'NXDOMAIN']);

/**
 * Domain facts from DNS (c-ares through `node:dns`, the system's servers unless
 * configured) and RDAP over HTTPS, each with a timeout and a small per-process
 * cache: answers are kept an hour, failures a minute, so a replica that missed
 * an answer asks again soon. The cache needs no coherence: a stale DNS answer
 * is as good as a fresh one for an hour.
 */
export class SystemDomainFacts implements DomainFacts {
  private readonly resolver: Resolver;
  private readonly cache = new Map<string, { until: number; value: Promise<unknown> }>();

  constructor(
    private readonly config: IdentityConfig,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.resolver = new Resolver({ timeout: config.dnsTimeoutMs, tries: 2 });
    if (config.dnsServers.length > 0) this.resolver.setServers(config.dnsServers);
  }

  dns(domain: string): Promise<DnsLookup> {
    return this.cached(`dns:${domain}`, async () => {
      try {
        const [nameServers, mailExchangers, soa] = await Promise.all([
          this.orEmpty(this.resolver.resolveNs(domain)),
          this.orEmpty(this.resolver.resolveMx(domain).then((mx) => mx.map((m) => m.exchange))),
          this.resolver.resolveSoa(domain).catch((error: NodeJS.ErrnoException) => {
            if (NO_DATA.has(error.code ?? '')) return null;
            throw error;
          }),
        ]);
        const lookup: DnsLookup = {
          status: 'ok',
          facts: {
            nameServers: nameServers.map(lower),
            mailExchangers: mailExchangers.map(lower),
            soa: soa === null ? null : { mname: lower(soa.nsname), rname: lower(soa.hostmaster) },
          },
        };
        return lookup;
      } catch {
        return { status: 'unreachable' } as DnsLookup;
      }
    }, (v) => v.status === 'ok');
  }

  /** Not cached: a person asks right after publishing the record, and again until it appears. */
  async txt(name: string): Promise<string[][] | null> {
    try {
      return await this.orEmpty(this.resolver.resolveTxt(name));
    } catch {
      return null;
    }
  }

  registeredAt(domain: string): Promise<Date | null> {
    const base = this.config.rdapBaseUrl;
    if (base === null) return Promise.resolve(null);
    return this.cached(`rdap:${domain}`, async () => {
      try {
        const response = await this.fetchFn(`${base}/domain/${encodeURIComponent(domain)}`, {
          headers: { accept: 'application/rdap+json' },
          signal: AbortSignal.timeout(this.config.dnsTimeoutMs),
        });
        if (!response.ok) return null;
        const body = (await response.json()) as { events?: Array<{ eventAction?: string; eventDate?: string }> };
        const event = body.events?.find((e) => e.eventAction === 'registration');
        const at = event?.eventDate ? new Date(event.eventDate) : null;
        return at !== null && Number.isFinite(at.getTime()) ? at : null;
      } catch {
        return null;
      }
    }, (v) => v !== null);
  }

  private async orEmpty<T>(query: Promise<T[]>): Promise<T[]> {
    try {
      return await query;
    } catch (error) {
      if (NO_DATA.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      throw error;
    }
  }

  private cached<T>(key: string, load: () => Promise<T>, good: (value: T) => boolean): Promise<T> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { until: now + NEGATIVE_TTL_MS, value });
    void value.then((v) => {
      if (good(v)) this.cache.set(key, { until: Date.now() + POSITIVE_TTL_MS, value });
    });
    return value;
  }
}

function lower(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}
