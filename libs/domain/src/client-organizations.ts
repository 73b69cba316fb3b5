// A buyer organisation as the client named by case studies: how it proves a domain,
// and when one of its members may answer for it about a case study that names it.

/** What a buyer organisation says about a case study that names one of its proven domains. */
export const CLIENT_ANSWERS = ['worked_with', 'did_not_work_with', 'outcome_wrong'] as const;
export type ClientAnswer = (typeof CLIENT_ANSWERS)[number];

/** The answers that contradict the vendor, and so open a dispute with the vendor's right of reply. */
export function isDenial(answer: ClientAnswer): boolean {
  return answer !== 'worked_with';
}

/** How a buyer organisation proves a domain: a TXT record it published, or a member whose verified address is at the domain. */
export type DomainProofMethod = 'dns_txt' | 'member_email';

/** The TXT record a buyer organisation publishes to prove `domain`. */
export function domainChallengeRecord(domain: string, token: string): { name: string; value: string } {
  return { name: `_assay-challenge.${domain}`, value: `assay-verification=${token}` };
}

/** True when the TXT answer (each record as its strings) holds the expected value; a record split into several strings is joined first. */
export function txtProvesDomain(records: ReadonlyArray<readonly string[]> | null, token: string): boolean {
  if (!records) return false;
  const expected = `assay-verification=${token}`;
  return records.some((parts) => parts.join('').trim() === expected);
}

/** Everything the rule needs to decide whether a member may answer for their organisation. */
export interface ClientAnswerFacts {
  organizationKind: 'vendor' | 'buyer';
  /** The organisation's proven (verified) domains. */
  provenDomains: readonly string[];
  caseStudy: {
    clientDomain: string;
    status: string;
    superseded: boolean;
    /** The vendor's name, for the refusal sentence. */
    vendorName: string;
  };
  /** The caller or another member of this organisation is also a member of the vendor. */
  sharesMemberWithVendor: boolean;
  /** The organisation already answered about this case study. */
  alreadyAnswered: boolean;
}

export type ClientAnswerDecision = { ok: true } | { ok: false; code: string; message: string; kind: 'forbidden' | 'conflict' };

/**
 * Whether a member of an organisation may answer, for it, about a case study. Only a buyer
 * organisation that proved the case study's client domain answers; never one that shares a
 * member with the vendor (it would be the vendor answering for its own client); only about a
 * current, submitted case study (the caller treats drafts as not found); once.
 */
export function decideClientAnswer(f: ClientAnswerFacts): ClientAnswerDecision {
  const domain = f.caseStudy.clientDomain.toLowerCase();
  if (f.organizationKind !== 'buyer') {
    return { ok: false, kind: 'forbidden', code: 'NOT_A_BUYER', message: 'Only a client (buyer) organisation can answer for a case study that names it.' };
  }
  if (!f.provenDomains.map((d) => d.toLowerCase()).includes(domain)) {
    return {
      ok: false,
      kind: 'forbidden',
      code: 'DOMAIN_NOT_PROVEN',
      // Without the domain itself: an anonymised case study's client domain stays hidden.
      message: 'This case study does not name a domain your organisation has proven. Prove your organisation’s domain first, then answer.',
    };
  }
  if (f.sharesMemberWithVendor) {
    return {
      ok: false,
      kind: 'forbidden',
      code: 'CONFLICT_OF_INTEREST',
      message: `Your organisation shares a member with ${f.caseStudy.vendorName}, so its answer would not be independent.`,
    };
  }
  if (f.caseStudy.superseded || f.caseStudy.status === 'withdrawn') {
    return { ok: false, kind: 'conflict', code: 'CASE_STUDY_CLOSED', message: 'This case study is no longer current: the vendor withdrew or replaced it.' };
  }
  if (f.alreadyAnswered) {
    return { ok: false, kind: 'conflict', code: 'ALREADY_ANSWERED', message: 'Your organisation has already answered about this case study; an answer is final and on the public record.' };
  }
  return { ok: true };
}
