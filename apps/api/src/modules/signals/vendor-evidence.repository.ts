import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CaseStudyEvidence,
  type ClientDomainStanding,
  type ClientOrganizationAnswer,
  DEFAULT_MARKET_CONTEXT,
  type MarketContext,
  type ReferenceEvidence,
  type ReviewerRecord,
  type VendorEvidence,
} from '@assay/signals';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';

const HANDOVER_RATING: Record<string, number> = { client_alone: 5, joint: 3, vendor: 1 };

/** A stable, non-reversible identity for a contact across vendors (no raw email enters the signals). */
export function contactHash(contactKey: string): string {
  return createHash('sha256').update(`assay-contact:${contactKey}`).digest('hex').slice(0, 32);
}

/**
 * Builds the signals library's `VendorEvidence` for many vendors with a fixed
 * number of statements (one per table), whatever the number of vendors.
 */
@Injectable()
export class VendorEvidenceRepository {
  constructor(private readonly tx: TransactionService) {}

  /**
   * `wholeMarket`: the vendors asked for are (nearly) all of them, as in a full recompute: read
   * each table once, unfiltered, instead of looking every vendor up in the indexes.
   */
  async load(ctx: RequestContext, vendorIds: readonly string[], now: Date, options: { wholeMarket?: boolean } = {}): Promise<Map<string, VendorEvidence>> {
    return (await this.read(ctx, vendorIds, now, { wholeMarket: !!options.wholeMarket, market: false })).evidence;
  }

  /**
   * `load`, plus the stored market context read by the same statements (the first one carries it):
   * a fact's own refresh needs both, and a statement less is a round trip less inside its transaction.
   */
  async loadWithMarket(ctx: RequestContext, vendorIds: readonly string[], now: Date): Promise<{ evidence: Map<string, VendorEvidence>; market: MarketContext }> {
    const { evidence, market } = await this.read(ctx, vendorIds, now, { wholeMarket: false, market: true });
    return { evidence, market: market! };
  }

  private async read(ctx: RequestContext, vendorIds: readonly string[], now: Date, options: { wholeMarket: boolean; market: boolean }): Promise<{ evidence: Map<string, VendorEvidence>; market?: MarketContext }> {
    const m = this.tx.manager(ctx);
    const all = options.wholeMarket;
    // Every statement filters on one vendor column: `col = ANY($1)`, or nothing for the whole market.
    const of = (column: string) => (all ? 'true' : `${column} = ANY($1)`);
    const args = all ? [] : [[...vendorIds]];
    const caseStudyColumns = `c.id, c.vendor_id, c.title, c.status, c.production_status, c.production_since::text AS production_since, c.retired_on::text AS retired_on, c.submitted_at,
                c.started_on::text AS started_on, c.ended_on::text AS ended_on,
                c.client_domain, c.client_domain_standing, c.client_domain_reason,
                (SELECT json_build_object('id', a.id, 'answer', a.answer, 'at', a.created_at) FROM client_organization_answers a
                  WHERE a.case_study_id = c.id ORDER BY a.created_at DESC LIMIT 1) AS client_answer`;
    const caseStudyFilter = `${of('c.vendor_id')} AND c.status NOT IN ('draft', 'withdrawn') AND c.superseded_at IS NULL`;
    // Sequential on purpose: inside a transaction all statements share one connection.
    // With the market: one row always (the market's, possibly with no case study), then one per case study.
    const caseStudyRows: Array<Record<string, unknown>> = await m.query(
        options.market
          ? `SELECT m.claim_accuracy_median AS market_median, ${caseStudyColumns}
               FROM (SELECT 1) AS one
               LEFT JOIN signal_market_context m ON m.id = 1
               LEFT JOIN case_studies c ON ${caseStudyFilter}`
          : `SELECT ${caseStudyColumns} FROM case_studies c WHERE ${caseStudyFilter}`,
        args,
      );
    let market: MarketContext | undefined;
    if (options.market) {
      const median = caseStudyRows[0]?.market_median;
      market = median === null || median === undefined ? DEFAULT_MARKET_CONTEXT : { claimAccuracyMedian: Number(median) };
    }
    const caseStudies = options.market ? caseStudyRows.filter((c) => c.id !== null) : caseStudyRows;
    const outcomes: Array<Record<string, unknown>> = await m.query(
        `SELECT o.id, o.case_study_id, o.metric_name, o.direction, o.baseline_value, o.claimed_value, o.verified_value, o.verification_status, o.measured_at::text AS measured_at
           FROM outcome_claims o JOIN case_studies c ON c.id = o.case_study_id
          WHERE ${of('c.vendor_id')} AND c.status NOT IN ('draft', 'withdrawn') AND c.superseded_at IS NULL`,
        args,
      );
    const references: Array<Record<string, unknown>> = await m.query(
        `SELECT r.id, r.case_study_id, r.vendor_id, r.source, r.identity_strength, r.contact_key, r.status, r.created_at, r.answered_at,
                s.declined, s.would_hire_again, s.handover_rating, s.on_time, s.on_budget, s.communication, s.in_production, s.outcome_answers
           FROM reference_requests r
           JOIN case_studies c ON c.id = r.case_study_id
           LEFT JOIN reference_responses s ON s.reference_request_id = r.id
          WHERE ${of('r.vendor_id')} AND c.status NOT IN ('draft', 'withdrawn') AND c.superseded_at IS NULL`,
        args,
      );
    const followUps: Array<Record<string, unknown>> = await m.query(
        `SELECT f.id, f.case_study_id, f.months_after, f.due_at, f.status, f.answered_at, f.still_in_production
           FROM follow_up_checks f JOIN case_studies c ON c.id = f.case_study_id
          WHERE ${of('c.vendor_id')} AND f.status IN ('sent', 'answered', 'expired')`,
        args,
      );
    const verdicts: Array<Record<string, unknown>> = await m.query(
        `SELECT v.case_study_id, v.vendor_id, v.reviewer_id, v.handover, v.created_at, v.kind,
                EXISTS (SELECT 1 FROM disputes d WHERE d.verdict_id = v.id AND d.status = 'open') AS disputed
           FROM verdicts v
          WHERE ${of('v.vendor_id')} AND v.kind <> 'spot_check' AND v.superseded_by_id IS NULL`,
        args,
      );
    // Each reviewer's total verdicts, counted once per reviewer (not once per reviewer and vendor).
    const reviewers: Array<Record<string, unknown>> = await m.query(
        `WITH judged AS (
           SELECT v2.reviewer_id, v2.vendor_id, count(*)::int AS verdicts_for_vendor FROM verdicts v2 WHERE ${of('v2.vendor_id')} GROUP BY v2.reviewer_id, v2.vendor_id),
              totals AS (
           SELECT v.reviewer_id, count(*)::int AS verdicts_total FROM verdicts v WHERE v.reviewer_id IN (SELECT reviewer_id FROM judged) GROUP BY v.reviewer_id)
         SELECT p.user_id, p.spot_checks_agreed, p.spot_checks_total, t.verdicts_total, j.vendor_id, j.verdicts_for_vendor,
                EXISTS (SELECT 1 FROM reviewer_affiliations a WHERE a.user_id = p.user_id AND a.organization_id = j.vendor_id) AS affiliated
           FROM judged j JOIN reviewer_profiles p ON p.user_id = j.reviewer_id JOIN totals t ON t.reviewer_id = j.reviewer_id`,
        args,
      );
    // A contact counts as used by another vendor once that vendor submitted it (a draft nomination
    // has been sent to nobody). Submitting is a fact; the outbox drain refreshes the vendors sharing the contact.
    const shared: Array<Record<string, unknown>> = await m.query(
        `SELECT r.vendor_id, r.contact_key, count(DISTINCT other.vendor_id)::int AS others
           FROM reference_requests r
           JOIN reference_requests other ON other.contact_key = r.contact_key AND other.vendor_id <> r.vendor_id AND other.status <> 'refused'
           JOIN case_studies oc ON oc.id = other.case_study_id AND oc.status <> 'draft'
          WHERE ${of('r.vendor_id')}
          GROUP BY r.vendor_id, r.contact_key`,
        args,
      );

    const out = new Map<string, VendorEvidence>();
    const byVendor = <T extends { vendor_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) (map.get(r.vendor_id) ?? map.set(r.vendor_id, []).get(r.vendor_id)!).push(r);
      return map;
    };
    const csByVendor = byVendor(caseStudies as Array<Record<string, never> & { vendor_id: string }>);
    const refsByVendor = byVendor(references as Array<Record<string, never> & { vendor_id: string }>);
    const reviewersByVendor = byVendor(reviewers as Array<Record<string, never> & { vendor_id: string }>);
    const sharedByVendor = byVendor(shared as Array<Record<string, never> & { vendor_id: string }>);
    const verdictByCs = new Map<string, Record<string, unknown>>();
    for (const v of verdicts as Array<Record<string, unknown>>) {
      const prev = verdictByCs.get(v.case_study_id as string);
      if (!prev || (prev.created_at as Date) < (v.created_at as Date)) verdictByCs.set(v.case_study_id as string, v);
    }
    const outcomesByCs = new Map<string, Array<Record<string, unknown>>>();
    for (const o of outcomes as Array<Record<string, unknown>>) (outcomesByCs.get(o.case_study_id as string) ?? outcomesByCs.set(o.case_study_id as string, []).get(o.case_study_id as string)!).push(o);
    const followUpsByCs = new Map<string, Array<Record<string, unknown>>>();
    for (const f of followUps as Array<Record<string, unknown>>) (followUpsByCs.get(f.case_study_id as string) ?? followUpsByCs.set(f.case_study_id as string, []).get(f.case_study_id as string)!).push(f);

    for (const vendorId of vendorIds) {
      const css: CaseStudyEvidence[] = (csByVendor.get(vendorId) ?? []).map((c: Record<string, unknown>) => {
        const verdict = verdictByCs.get(c.id as string);
        return {
          id: c.id as string,
          title: c.title as string,
          submittedAt: (c.submitted_at as Date) ?? now,
          // The project's own dates (calendar days, read as UTC midnight): evidence is aged from them.
          startedOn: c.started_on ? `${c.started_on as string}T00:00:00Z` : undefined,
          endedOn: c.ended_on ? `${c.ended_on as string}T00:00:00Z` : undefined,
          status: c.status as CaseStudyEvidence['status'],
          productionStatus: (verdict ? (c.production_status as string) : c.production_status) as CaseStudyEvidence['productionStatus'],
          goLiveAt: c.production_since ? `${c.production_since as string}T00:00:00Z` : undefined,
          retiredAt: c.retired_on ? `${c.retired_on as string}T00:00:00Z` : undefined,
          disputed: !!verdict?.disputed || c.status === 'disputed',
          ...(c.client_domain_standing
            ? { clientDomain: { domain: c.client_domain as string, standing: c.client_domain_standing as ClientDomainStanding, reason: (c.client_domain_reason as string) ?? '' } }
            : {}),
          ...(c.client_answer
            ? (() => {
                const a = c.client_answer as { id: string; answer: ClientOrganizationAnswer; at: string };
                return { clientOrganizationAnswer: { id: a.id, answer: a.answer, answeredAt: new Date(a.at) } };
              })()
            : {}),
          handoverByReviewer: verdict ? HANDOVER_RATING[verdict.handover as string] : undefined,
          handoverReviewerId: verdict ? (verdict.reviewer_id as string) : undefined,
          outcomes: (outcomesByCs.get(c.id as string) ?? []).map((o) => ({
            id: o.id as string,
            metric: o.metric_name as string,
            direction: o.direction as 'higher_is_better',
            baseline: Number(o.baseline_value),
            claimed: Number(o.claimed_value),
            verifiedValue: o.verified_value === null ? null : Number(o.verified_value),
            verificationStatus: o.verification_status as 'pending',
            measuredAt: o.measured_at ? `${o.measured_at as string}T00:00:00Z` : undefined,
            verifiedAt: verdict ? (verdict.created_at as Date) : undefined,
            reviewerId: verdict ? (verdict.reviewer_id as string) : undefined,
          })),
          followUps: (followUpsByCs.get(c.id as string) ?? []).map((f) => ({
            id: f.id as string,
            monthsAfter: Number(f.months_after) as 6 | 12,
            // The due date: the follow-up speaks for the project at go-live + 6 or 12 months.
            askedAt: f.due_at as Date,
            answeredAt: (f.answered_at as Date | null) ?? undefined,
            stillInProduction: f.still_in_production === null ? undefined : (f.still_in_production as boolean),
            source: 'client' as const,
          })),
        };
      });
      const refs: ReferenceEvidence[] = (refsByVendor.get(vendorId) ?? []).map((r: Record<string, unknown>) => {
        // Sent-but-unanswered and refused (self-reference) attempts are not responses; the library gives self-references zero weight.
        const status = r.status === 'refused' || r.status === 'sent' ? 'pending' : (r.status as ReferenceEvidence['status']);
        const answers = (r.outcome_answers as Array<{ outcomeClaimId: string; achieved: string }> | null) ?? [];
        return {
          id: r.id as string,
          caseStudyId: r.case_study_id as string,
          source: r.source as 'drawn',
          identityStrength: (r.status === 'refused' ? 'self' : r.identity_strength) as ReferenceEvidence['identityStrength'],
          contactHash: contactHash(r.contact_key as string),
          requestedAt: r.created_at as Date,
          status,
          answeredAt: (r.answered_at as Date | null) ?? undefined,
          wouldHireAgain: r.would_hire_again === null || r.would_hire_again === undefined ? undefined : (r.would_hire_again as boolean),
          handover: (r.handover_rating as number | null) ?? undefined,
          onTime: (r.on_time as number | null) ?? undefined,
          onBudget: (r.on_budget as number | null) ?? undefined,
          communication: (r.communication as number | null) ?? undefined,
          inProductionNow: r.in_production === 'yes' ? true : r.in_production === 'no' ? false : undefined,
          outcomeAnswers: answers.map((a) => ({ outcomeId: a.outcomeClaimId, achieved: a.achieved as 'yes' })),
        };
      });
      const reviewerRecords: ReviewerRecord[] = (reviewersByVendor.get(vendorId) ?? []).map((p: Record<string, unknown>) => ({
        id: p.user_id as string,
        spotChecksAgreed: Number(p.spot_checks_agreed),
        spotChecksTotal: Number(p.spot_checks_total),
        affiliatedWithVendor: !!p.affiliated,
        verdictsTotal: Number(p.verdicts_total),
        verdictsForVendor: Number(p.verdicts_for_vendor),
      }));
      const otherVendorsByContact: Record<string, number> = {};
      for (const s of (sharedByVendor.get(vendorId) ?? []) as Array<Record<string, unknown>>) otherVendorsByContact[contactHash(s.contact_key as string)] = Number(s.others);
      out.set(vendorId, { vendorId, now, caseStudies: css, references: refs, reviewers: reviewerRecords, otherVendorsByContact });
    }
    return { evidence: out, market };
  }

}
