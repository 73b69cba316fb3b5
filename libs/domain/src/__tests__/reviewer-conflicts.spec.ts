import fc from 'fast-check';
import { checkReviewerConflicts, type ReviewerConflictInput } from '../reviewer-conflicts';

const NOW = new Date('2024-06-15T12:00:00Z');
const TWELVE_MONTHS_AGO = new Date('2023-06-15T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

type Overrides = {
  reviewer?: Partial<ReviewerConflictInput['reviewer']>;
  vendor?: Partial<ReviewerConflictInput['vendor']>;
  client?: Partial<ReviewerConflictInput['client']>;
} & Partial<Omit<ReviewerConflictInput, 'reviewer' | 'vendor' | 'client'>>;

function aConflictCheck(overrides: Overrides = {}): ReviewerConflictInput {
  const { reviewer, vendor, client, ...rest } = overrides;
  return {
    reviewer: {
      emailDomain: 'independent-audit.eu',
      affiliatedOrganizationIds: ['org-university'],
      affiliatedDomains: ['uni-example.edu'],
      ...reviewer,
    },
    vendor: { organizationId: 'org-vendor', verifiedDomains: ['deepvendor.ai'], ...vendor },
    client: { name: 'Acme Retail', domain: 'acme.com', organizationId: 'org-acme', ...client },
    pastVerdictDatesForVendor: [],
    now: NOW,
    ...rest,
  };
}

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe(checkReviewerConflicts.name, () => {
  it('allows an unaffiliated reviewer with no history on the vendor', () => {
    expect(checkReviewerConflicts(aConflictCheck())).toEqual({ ok: true, recentVerdictCount: 0 });
  });

  describe('affiliation with the vendor', () => {
    it('refuses a reviewer who declared an affiliation with the vendor', () => {
      const result = checkReviewerConflicts(
        aConflictCheck({ reviewer: { affiliatedOrganizationIds: ['org-vendor'] } }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: 'REVIEWER_AFFILIATED_WITH_VENDOR',
        message: 'You have declared an affiliation with this vendor, so you cannot verify its case studies.',
      });
    });

    it("refuses a reviewer whose email is on the vendor's verified domain", () => {
      expect(checkReviewerConflicts(aConflictCheck({ reviewer: { emailDomain: 'DeepVendor.ai' } }))).toMatchObject({
        ok: false,
        code: 'REVIEWER_AFFILIATED_WITH_VENDOR',
        message:
          "Your email domain deepvendor.ai matches the vendor's verified domain deepvendor.ai, so you cannot verify its case studies.",
      });
    });

    it("refuses a reviewer on a subdomain of the vendor's domain, and one on its parent", () => {
      expect(checkReviewerConflicts(aConflictCheck({ reviewer: { emailDomain: 'labs.deepvendor.ai' } }))).toMatchObject({
        code: 'REVIEWER_AFFILIATED_WITH_VENDOR',
      });
      const parent = aConflictCheck({ reviewer: { emailDomain: 'deepvendor.ai' }, vendor: { verifiedDomains: ['eu.deepvendor.ai'] } });
      expect(checkReviewerConflicts(parent)).toMatchObject({ code: 'REVIEWER_AFFILIATED_WITH_VENDOR' });
    });

    it("refuses a reviewer who declared an affiliation with the vendor's domain", () => {
      const result = checkReviewerConflicts(aConflictCheck({ reviewer: { affiliatedDomains: ['deepvendor.ai'] } }));
      expect(result).toMatchObject({
        ok: false,
        code: 'REVIEWER_AFFILIATED_WITH_VENDOR',
        message: expect.stringContaining('deepvendor.ai, which you have declared an affiliation with,'),
      });
    });

    it('does not confuse a look-alike domain with the vendor', () => {
      expect(checkReviewerConflicts(aConflictCheck({ reviewer: { emailDomain: 'notdeepvendor.ai' } })).ok).toBe(true);
    });
  });

  describe('affiliation with the client', () => {
    it('refuses a reviewer who declared an affiliation with the client', () => {
      const result = checkReviewerConflicts(aConflictCheck({ reviewer: { affiliatedOrganizationIds: ['org-acme'] } }));
      expect(result).toMatchObject({
        ok: false,
        code: 'REVIEWER_AFFILIATED_WITH_CLIENT',
        message: 'You have declared an affiliation with the client, Acme Retail, so you cannot verify this case study.',
      });
    });

    it("refuses a reviewer whose email is on the client's domain", () => {
      expect(checkReviewerConflicts(aConflictCheck({ reviewer: { emailDomain: 'eu.acme.com' } }))).toMatchObject({
        ok: false,
        code: 'REVIEWER_AFFILIATED_WITH_CLIENT',
        message:
          'Your email domain eu.acme.com matches the domain of the client, Acme Retail (acme.com), so you cannot verify this case study.',
      });
    });

    it('matches the client by domain when it has no organisation on Assay', () => {
      const input = aConflictCheck({ client: { organizationId: null }, reviewer: { affiliatedDomains: ['acme.com'] } });
      expect(checkReviewerConflicts(input)).toMatchObject({ code: 'REVIEWER_AFFILIATED_WITH_CLIENT' });
    });

    it('does not treat a shared free-mail provider as an affiliation', () => {
      const input = aConflictCheck({ reviewer: { emailDomain: 'gmail.com' }, client: { domain: 'gmail.com' } });
      expect(checkReviewerConflicts(input).ok).toBe(true);
    });
  });

  describe('concentration on one vendor', () => {
    it('allows a reviewer below the limit of three verdicts in 12 months', () => {
      const input = aConflictCheck({ pastVerdictDatesForVendor: [daysAgo(10), daysAgo(200)] });
      expect(checkReviewerConflicts(input)).toEqual({ ok: true, recentVerdictCount: 2 });
    });

    it('refuses a reviewer exactly at the limit', () => {
      const input = aConflictCheck({ pastVerdictDatesForVendor: [daysAgo(10), daysAgo(200), daysAgo(300)] });
      expect(checkReviewerConflicts(input)).toEqual({
        ok: false,
        code: 'REVIEWER_OVER_CONCENTRATED',
        message:
          "You have recorded 3 verdicts on this vendor's case studies in the last 12 months, and the limit is 3; this task needs a different reviewer.",
        conflicts: [expect.objectContaining({ code: 'REVIEWER_OVER_CONCENTRATED' })],
        recentVerdictCount: 3,
      });
    });

    it('no longer counts a verdict recorded exactly 12 months ago', () => {
      const input = aConflictCheck({ pastVerdictDatesForVendor: [daysAgo(10), daysAgo(200), TWELVE_MONTHS_AGO] });
      expect(checkReviewerConflicts(input)).toEqual({ ok: true, recentVerdictCount: 2 });
    });

    it('still counts a verdict one millisecond short of 12 months old', () => {
      const input = aConflictCheck({
        pastVerdictDatesForVendor: [daysAgo(10), daysAgo(200), new Date(TWELVE_MONTHS_AGO.getTime() + 1)],
      });
      expect(checkReviewerConflicts(input)).toMatchObject({ ok: false, recentVerdictCount: 3 });
    });

    it('measures 12 months in calendar months across a leap day', () => {
      const now = new Date('2024-02-29T09:00:00Z');
      const input = aConflictCheck({
        now,
        maxVerdictsPer12Months: 1,
        pastVerdictDatesForVendor: [new Date('2023-02-28T09:00:00Z')],
      });
      expect(checkReviewerConflicts(input)).toEqual({ ok: true, recentVerdictCount: 0 });
      const later = { ...input, pastVerdictDatesForVendor: [new Date('2023-02-28T09:00:01Z')] };
      expect(checkReviewerConflicts(later)).toMatchObject({ ok: false, recentVerdictCount: 1 });
    });

    it('honours a configured limit', () => {
      const dates = [daysAgo(1), daysAgo(2), daysAgo(3)];
      expect(checkReviewerConflicts(aConflictCheck({ pastVerdictDatesForVendor: dates, maxVerdictsPer12Months: 4 })).ok).toBe(true);
      expect(checkReviewerConflicts(aConflictCheck({ maxVerdictsPer12Months: 0 }))).toMatchObject({
        code: 'REVIEWER_OVER_CONCENTRATED',
        message: expect.stringContaining('recorded 0 verdicts'),
      });
    });

    it('rejects a limit that is not a non-negative whole number', () => {
      for (const max of [-1, 2.5, NaN]) {
        expect(() => checkReviewerConflicts(aConflictCheck({ maxVerdictsPer12Months: max }))).toThrow(RangeError);
      }
    });

    it('never allows more verdicts to turn a refusal into an approval', () => {
      const date = fc.integer({ min: -30, max: 800 }).map(daysAgo);
      fc.assert(
        fc.property(fc.array(date, { maxLength: 8 }), date, fc.integer({ min: 0, max: 5 }), (dates, extra, max) => {
          const before = checkReviewerConflicts(aConflictCheck({ pastVerdictDatesForVendor: dates, maxVerdictsPer12Months: max }));
          const after = checkReviewerConflicts(
            aConflictCheck({ pastVerdictDatesForVendor: [...dates, extra], maxVerdictsPer12Months: max }),
          );
          expect(after.recentVerdictCount).toBeGreaterThanOrEqual(before.recentVerdictCount);
          if (!before.ok) expect(after.ok).toBe(false);
          expect(before.ok).toBe(before.recentVerdictCount < max);
        }),
      );
    });
  });

  it('reports every conflict, the vendor affiliation first', () => {
    const result = checkReviewerConflicts(
      aConflictCheck({
        reviewer: { emailDomain: 'acme.com', affiliatedOrganizationIds: ['org-vendor'] },
        pastVerdictDatesForVendor: [daysAgo(1), daysAgo(2), daysAgo(3)],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('REVIEWER_AFFILIATED_WITH_VENDOR');
    expect(result.conflicts.map((c) => c.code)).toEqual([
      'REVIEWER_AFFILIATED_WITH_VENDOR',
      'REVIEWER_AFFILIATED_WITH_CLIENT',
      'REVIEWER_OVER_CONCENTRATED',
    ]);
  });
});
