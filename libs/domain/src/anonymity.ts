// An anonymised case study must not name its client anywhere buyers read it. This finds the
// client's name or domain in the public texts, with the place it was found, so the editor and
// the submit check can refuse it with a message that says where to look. No imports: the web
// form runs the same check before a round trip (@assay/domain/anonymity).

export interface AnonymityInput {
  anonymised: boolean;
  clientName: string;
  clientDomain: string;
  title: string;
  problem: string;
  approach: string;
}

export type PublicTextField = 'title' | 'problem' | 'approach';

export interface AnonymityLeak {
  field: PublicTextField;
  /** The words found, as written in the text. */
  found: string;
  message: string;
}

const FIELD_WORDS: Record<PublicTextField, string> = { title: 'title', problem: 'problem description', approach: 'approach' };
/** Words that say nothing about who the client is ("Group", "Ltd"): never matched alone. */
const GENERIC = new Set(['the', 'group', 'inc', 'ltd', 'llc', 'gmbh', 'plc', 'sa', 'ag', 'co', 'company', 'corp', 'holding', 'holdings', 'bank', 'retail', 'services']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways a client is named: its full name, its name without a legal suffix, its domain and the domain's own label. */
export function clientIdentifiers(clientName: string, clientDomain: string): string[] {
  const out = new Set<string>();
  const name = clientName.trim().replace(/\s+/g, ' ');
  if (name.length >= 3) out.add(name);
  const withoutSuffix = name.replace(/[,\s]+(inc\.?|ltd\.?|llc|gmbh|plc|s\.?a\.?|ag|co\.?|corp\.?)$/i, '').trim();
  if (withoutSuffix.length >= 3) out.add(withoutSuffix);
  const domain = clientDomain.trim().toLowerCase().replace(/^www\./, '');
  if (domain.includes('.')) {
    out.add(domain);
    const label = domain.split('.')[0];
    if (label.length >= 4 && !GENERIC.has(label)) {
      out.add(label);
      if (label.includes('-')) out.add(label.replace(/-/g, ' '));
    }
  }
  // Longest first, so a leak is reported as fully as it was written (the domain before its label).
  return [...out].filter((id) => !GENERIC.has(id.toLowerCase())).sort((a, b) => b.length - a.length);
}

/** Every place an anonymised case study names its client; empty when it does not (or is not anonymised). */
export function findAnonymityLeaks(input: AnonymityInput): AnonymityLeak[] {
  if (!input.anonymised) return [];
  const ids = clientIdentifiers(input.clientName, input.clientDomain);
  const leaks: AnonymityLeak[] = [];
  for (const field of ['title', 'problem', 'approach'] as const) {
    const text = input[field] ?? '';
    for (const id of ids) {
      // Whole words only, spaces matching any run of whitespace or hyphens ("Hidden-Grocer").
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(id).replace(/\\?[ -]/g, '[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
      const match = pattern.exec(text);
      if (match) {
        leaks.push({
          field,
          found: match[0],
          message: `The client is anonymised, but the ${FIELD_WORDS[field]} names it (“${match[0]}”). Describe the client instead, e.g. “a European retailer”.`,
        });
        break;
      }
    }
  }
  return leaks;
}
