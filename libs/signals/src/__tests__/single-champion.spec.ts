import fc from 'fast-check';
import { computeVendorSignals, DEFAULT_SIGNAL_CONFIG, type ReferenceEvidence, singleChampionFlag, type VendorEvidence } from '../index';
import { daysAgo, reference, vendor } from './support/factories';

/** `championCases` answers by one contact (one per case study) and `others` answers by distinct contacts. */
function championVendor(championCases: number, others: number, champion: Partial<ReferenceEvidence> = {}): VendorEvidence {
  const championRefs = Array.from({ length: championCases }, (_, i) =>
    reference({ id: `champ-${i}`, caseStudyId: `cs-${i}`, source: 'nominated', contactHash: 'champion', answeredAt: daysAgo(30 + i), ...champion }),
  );
  const otherRefs = Array.from({ length: others }, (_, i) => reference({ id: `other-${i}`, caseStudyId: `cs-${i}`, contactHash: `other-${i}`, wouldHireAgain: i % 2 === 0 }));
  return vendor({ references: [...championRefs, ...otherRefs] });
}

describe(singleChampionFlag.name, () => {
  it('names one contact answering for most of the vendor’s case studies, whose answers count as one', () => {
    const evidence = championVendor(4, 1);
    const f = singleChampionFlag(evidence);
    expect(f).toMatchObject({ kind: 'single_champion', severity: 'warning', evidenceIds: ['champ-0', 'champ-1', 'champ-2', 'champ-3'] });
    expect(f?.sentence).toBe('One contact answered for 4 of its case studies (4 of its 5 answered references); their answers count as one.');
    // The effect is the repeated-contact rule: each of the four answers weighs a quarter.
    const item = computeVendorSignals(evidence).explanations.clientEndorsement.find((i) => i.evidenceId === 'champ-0');
    expect(item?.factors).toContainEqual({ factor: 'repeated_contact', value: 0.25 });
  });

  it('stays quiet for a contact who answered for two case studies, or for a minority of the answers', () => {
    expect(singleChampionFlag(championVendor(2, 0))).toBeNull();
    expect(singleChampionFlag(championVendor(3, 4))).toBeNull();
    expect(singleChampionFlag(championVendor(3, 3))).not.toBeNull();
  });

  it('counts case studies, not answers: one contact answering five times about one project is not a champion', () => {
    expect(singleChampionFlag(championVendor(5, 0, { caseStudyId: 'cs-one' }))).toBeNull();
  });

  it('leaves self-references and unanswered requests out', () => {
    expect(singleChampionFlag(championVendor(4, 0, { identityStrength: 'self' }))).toBeNull();
    expect(singleChampionFlag(championVendor(4, 0, { status: 'expired', answeredAt: undefined, wouldHireAgain: undefined }))).toBeNull();
  });

  describe('properties', () => {
    it('weighs a champion’s answers together as one answer of theirs, however many they give', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), (cases, others) => {
          // Same instant for every answer, so that recency does not differ between them; drawn, so that no burst forms.
          const champion = { source: 'drawn' as const, answeredAt: daysAgo(30) };
          const evidence = championVendor(cases, others, champion);
          const items = computeVendorSignals(evidence).explanations.clientEndorsement.filter((i) => i.evidenceId.startsWith('champ-'));
          const single = computeVendorSignals(championVendor(1, 0, champion)).explanations.clientEndorsement[0];
          expect(items.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(single.weight, 12);
        }),
        { numRuns: 100 },
      );
    });

    it('flags exactly when one contact answered for enough case studies and enough of the answers', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (cases, others) => {
          const { singleChampionMinCaseStudies, singleChampionMinShare } = DEFAULT_SIGNAL_CONFIG.flags;
          const expected = cases >= singleChampionMinCaseStudies && cases / (cases + others) >= singleChampionMinShare;
          expect(singleChampionFlag(championVendor(cases, others)) !== null).toBe(expected);
        }),
        { numRuns: 200 },
      );
    });
  });
});
