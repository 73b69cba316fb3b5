import { computeVendorSignals } from '../compute';
import { DEFAULT_SIGNAL_CONFIG } from '../config';
import { clientDomainFlag } from '../integrity';
import type { CaseStudyEvidence, ClientDomainStanding } from '../types';
import { caseStudy, daysAgo, NOW, outcome, reference, vendor } from './support/factories';

function withStanding(standing: ClientDomainStanding | undefined, cs: Partial<CaseStudyEvidence> = {}) {
  const study = caseStudy({
    id: 'cs-1',
    outcomes: [outcome()],
    ...(standing === undefined ? {} : { clientDomain: { domain: 'fairway-telecom.example', standing, reason: `The client domain fairway-telecom.example is ${standing}.` } }),
    ...cs,
  });
  const refs = Array.from({ length: 6 }, (_, i) =>
    reference({ id: `r-${i}`, caseStudyId: 'cs-1', identityStrength: 'strong', source: 'drawn', contactHash: `c-${i}`, wouldHireAgain: true }),
  );
  return vendor({ caseStudies: [study], references: refs });
}

describe('client-domain standing in the signals', () => {
  it('weighs references on the client domain by the standing: confirmed > corroborated > unconfirmed > suspect', () => {
    const effective = (['confirmed', 'corroborated', 'unconfirmed', 'suspect'] as const).map(
      (s) => computeVendorSignals(withStanding(s), DEFAULT_SIGNAL_CONFIG, { explanations: false }).clientEndorsement.effectiveN,
    );
    expect(effective[0]).toBeGreaterThan(effective[1]);
    expect(effective[1]).toBeGreaterThan(effective[2]);
    expect(effective[2]).toBeGreaterThan(effective[3]);
  });

  it('gives a reference from a suspect client domain no endorsement weight', () => {
    const signals = computeVendorSignals(withStanding('suspect'));
    expect(signals.clientEndorsement.effectiveN).toBe(0);
    const item = signals.explanations.clientEndorsement.find((e) => e.evidenceId === 'r-0');
    expect(item?.factors).toContainEqual({ factor: 'client_domain', value: 0 });
  });

  it('changes nothing for evidence recorded before standings existed', () => {
    const legacy = computeVendorSignals(withStanding(undefined), DEFAULT_SIGNAL_CONFIG, { explanations: false });
    const confirmed = computeVendorSignals(withStanding('confirmed'), DEFAULT_SIGNAL_CONFIG, { explanations: false });
    expect(legacy.clientEndorsement).toEqual(confirmed.clientEndorsement);
  });

  it('flags a suspect client domain with its reason, and says the references got no weight', () => {
    expect(clientDomainFlag(withStanding('suspect'))).toMatchObject({
      kind: 'client_domain_suspect',
      severity: 'warning',
      sentence: 'The client domain fairway-telecom.example is suspect; references from it were given no weight.',
      evidenceIds: ['cs-1'],
    });
    expect(clientDomainFlag(withStanding('unconfirmed'))).toBeNull();
  });

  it('counts a client organisation’s “the outcome stated is wrong” against verified delivery', () => {
    const base = computeVendorSignals(withStanding('confirmed'), DEFAULT_SIGNAL_CONFIG, { explanations: false });
    const wrong = computeVendorSignals(
      withStanding('confirmed', { clientOrganizationAnswer: { id: 'ans-1', answer: 'outcome_wrong', answeredAt: daysAgo(5) } }),
      DEFAULT_SIGNAL_CONFIG,
      { explanations: false },
    );
    expect(wrong.verifiedDelivery.mean).toBeLessThan(base.verifiedDelivery.mean);
    expect(wrong.evidenceDepth.mean).toBeGreaterThan(base.evidenceDepth.mean);
    expect(NOW).toBeDefined();
  });
});
