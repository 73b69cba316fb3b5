import fc from 'fast-check';
import { computeVendorSignals, DEFAULT_SIGNAL_CONFIG, type ReferenceEvidence, rosterCherryPickingFlag, type VendorEvidence } from '../index';
import { referenceArb } from './support/arbitraries';
import { daysAgo, reference, vendor } from './support/factories';

type Answer = 'favourable' | 'unfavourable' | 'expired';

/** One reference per contact: `answer` says whether it answered "would hire again: yes", "no", or never answered. */
function contact(source: 'drawn' | 'nominated', answer: Answer, i: number): ReferenceEvidence {
  const answered = answer !== 'expired';
  return reference({
    id: `${source}-${i}`,
    caseStudyId: `cs-${i}`,
    source,
    contactHash: `${source}-contact-${i}`,
    status: answered ? 'answered' : 'expired',
    answeredAt: answered ? daysAgo(30) : undefined,
    wouldHireAgain: answered ? answer === 'favourable' : undefined,
  });
}

function roster(drawn: readonly Answer[], nominated: readonly Answer[]): VendorEvidence {
  return vendor({ references: [...drawn.map((a, i) => contact('drawn', a, i)), ...nominated.map((a, i) => contact('nominated', a, i))] });
}

describe(rosterCherryPickingFlag.name, () => {
  it('names a vendor whose drawn clients do not answer while every nominated one glows, and weighs its nominated answers a quarter', () => {
    const evidence = roster(['expired', 'expired', 'unfavourable', 'favourable', 'expired'], ['favourable', 'favourable', 'favourable', 'favourable']);
    const f = rosterCherryPickingFlag(evidence);
    expect(f).toMatchObject({ kind: 'roster_cherry_picking', severity: 'warning' });
    expect(f?.sentence).toBe('Of 5 clients we drew at random from its roster, 1 answered favourably, against 4 of the 4 clients it nominated; its nominated references count for less.');
    expect(f?.evidenceIds).toHaveLength(9);
    const items = computeVendorSignals(evidence).explanations.clientEndorsement;
    const nominated = items.find((i) => i.evidenceId === 'nominated-0');
    expect(nominated?.factors).toContainEqual({ factor: 'roster_cherry_picking', value: DEFAULT_SIGNAL_CONFIG.references.cherryPickingNominatedWeight });
    expect(nominated?.sentence).toContain('nominated by a vendor whose drawn clients answer far less favourably');
    const drawn = items.find((i) => i.evidenceId === 'drawn-3');
    expect(drawn?.factors.map((x) => x.factor)).not.toContain('roster_cherry_picking');
  });

  it('names drawn clients who answer but would not hire the vendor again', () => {
    expect(rosterCherryPickingFlag(roster(['unfavourable', 'unfavourable', 'unfavourable', 'unfavourable'], ['favourable', 'favourable', 'favourable', 'favourable']))).not.toBeNull();
  });

  it('lowers client endorsement against the same evidence scored without the rule', () => {
    const evidence = roster(['unfavourable', 'expired', 'unfavourable', 'unfavourable'], ['favourable', 'favourable', 'favourable', 'favourable']);
    const without = { ...DEFAULT_SIGNAL_CONFIG, references: { ...DEFAULT_SIGNAL_CONFIG.references, cherryPickingNominatedWeight: 1 } };
    expect(computeVendorSignals(evidence).clientEndorsement.mean).toBeLessThan(computeVendorSignals(evidence, without).clientEndorsement.mean);
  });

  it('stays quiet for the gap honest vendors show: nominated contacts answer somewhat more often', () => {
    expect(rosterCherryPickingFlag(roster(['favourable', 'expired', 'favourable', 'unfavourable', 'favourable'], ['favourable', 'favourable', 'favourable', 'unfavourable']))).toBeNull();
  });

  it('waits for enough contacts on each side', () => {
    expect(rosterCherryPickingFlag(roster(['expired', 'expired'], ['favourable', 'favourable', 'favourable', 'favourable', 'favourable']))).toBeNull();
    expect(rosterCherryPickingFlag(roster(['expired', 'expired', 'expired', 'expired'], ['favourable', 'favourable']))).toBeNull();
  });

  it('counts a contact asked several times once, by their latest request', () => {
    // The same drawn contact expired five times: one silent client, not five; too few drawn contacts to compare.
    const repeated = Array.from({ length: 5 }, (_, i) => ({ ...contact('drawn', 'expired', i), contactHash: 'same-person', requestedAt: daysAgo(50 - i) }));
    const evidence = vendor({ references: [...repeated, contact('drawn', 'favourable', 9), ...['favourable', 'favourable', 'favourable'].map((a, i) => contact('nominated', a as Answer, i))] });
    expect(rosterCherryPickingFlag(evidence)).toBeNull();
  });

  it('ignores self-references and pending requests', () => {
    const evidence = roster(['favourable', 'favourable', 'favourable'], ['favourable', 'favourable', 'favourable']);
    const noise: ReferenceEvidence[] = Array.from({ length: 6 }, (_, i) => ({
      ...contact('drawn', 'expired', 20 + i),
      ...(i % 2 === 0 ? { identityStrength: 'self' as const } : { status: 'pending' as const }),
    }));
    expect(rosterCherryPickingFlag({ ...evidence, references: [...evidence.references, ...noise] })).toBeNull();
  });

  describe('properties', () => {
    const answers = fc.array(fc.constantFrom<Answer>('favourable', 'unfavourable', 'expired'), { maxLength: 12 });

    it('never flags a vendor whose nominated clients answer no better than its drawn ones', () => {
      fc.assert(
        fc.property(answers, fc.nat(), (drawn, drop) => {
          // The nominated side answers exactly like the drawn side, with some favourable answers taken away.
          const nominated = drawn.filter((a, i) => !(a === 'favourable' && (drop >> i) % 2 === 1));
          expect(rosterCherryPickingFlag(roster(drawn, nominated))).toBeNull();
        }),
        { numRuns: 300 },
      );
    });

    it('never switches on when a drawn client answers favourably instead of unfavourably or not at all', () => {
      fc.assert(
        fc.property(answers.filter((a) => a.length > 0), answers, fc.nat(), (drawn, nominated, pick) => {
          const i = pick % drawn.length;
          const better = drawn.map((a, k) => (k === i ? 'favourable' : a));
          if (rosterCherryPickingFlag(roster(drawn, nominated)) === null) expect(rosterCherryPickingFlag(roster(better, nominated))).toBeNull();
        }),
        { numRuns: 300 },
      );
    });

    it('discounts exactly the nominated answers, and only while flagged', () => {
      fc.assert(
        fc.property(fc.array(referenceArb, { maxLength: 14 }), (refs) => {
          const evidence = vendor({ references: refs.map((r, i) => ({ ...r, id: `r${i}`, caseStudyId: 'cs-any' })) });
          const flagged = rosterCherryPickingFlag(evidence) !== null;
          for (const item of computeVendorSignals(evidence).explanations.clientEndorsement) {
            const ref = evidence.references.find((r) => r.id === item.evidenceId);
            const discounted = item.factors.some((f) => f.factor === 'roster_cherry_picking');
            expect(discounted).toBe(flagged && ref?.source === 'nominated' && ref.identityStrength !== 'self');
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
