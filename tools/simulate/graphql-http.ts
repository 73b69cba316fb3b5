// A GraphQL client over real HTTP, one per simulated person: it keeps that person's
// session cookie and comes from its own network address (the API trusts
// X-Forwarded-For from loopback), so per-person rate limits see separate people.

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; reason?: string } & Record<string, unknown>;
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: GraphQLError[];
  status: number;
}

/** A request the server refused with a typed error (code and reason), or failed otherwise. */
export class RequestRefused extends Error {
  constructor(
    readonly what: string,
    readonly code: string,
    readonly reason: string,
    message: string,
  ) {
    super(`${what} was refused (${code}${reason ? `/${reason}` : ''}): ${message}`);
  }
}

let addresses = 0;

/** A deterministic private address per client, in creation order. */
function nextAddress(): string {
  const n = ++addresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export class HttpGraphQLClient {
  private readonly cookies = new Map<string, string>();
  readonly ip = nextAddress();
  /** Requests this client has sent. */
  sent = 0;

  constructor(private readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    this.sent++;
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.ip, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const raw of res.headers.getSetCookie()) {
      const [pair, ...attributes] = raw.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = (await res.json()) as Omit<GraphQLResult<T>, 'status'>;
    return { ...body, status: res.status };
  }

  /** The data of a request that must succeed; a refusal throws `RequestRefused` naming `what`. */
  async must<T>(what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length || !res.data) {
      const e = res.errors?.[0];
      throw new RequestRefused(what, e?.extensions?.code ?? `HTTP ${res.status}`, e?.extensions?.reason ?? '', e?.message ?? 'no data');
    }
    return res.data;
  }
}
