import { EVIDENCE_CAUSES, evidenceEventProblem, REVIEWER_CHANGE_OF_CAUSE } from '../evidence-events';

describe('VendorEvidenceChanged', () => {
  it('says for every cause what it does to the reviewer it names', () => {
    expect(Object.keys(REVIEWER_CHANGE_OF_CAUSE).sort()).toEqual([...EVIDENCE_CAUSES].sort());
  });

  it('moves verdict totals for verdicts and amendments, and a reviewer’s record for spot checks and affiliations', () => {
    expect(REVIEWER_CHANGE_OF_CAUSE.verdict_recorded).toBe('verdict_totals');
    expect(REVIEWER_CHANGE_OF_CAUSE.dispute_resolved).toBe('verdict_totals');
    expect(REVIEWER_CHANGE_OF_CAUSE.spot_check_recorded).toBe('reviewer_record');
    expect(REVIEWER_CHANGE_OF_CAUSE.reviewer_affiliation_declared).toBe('reviewer_record');
    for (const cause of ['reference_answered', 'reference_declined', 'reference_expired', 'follow_up_sent', 'follow_up_answered', 'case_study_withdrawn'] as const) {
      expect(REVIEWER_CHANGE_OF_CAUSE[cause]).toBe('none');
    }
  });

  it('refuses an event without a subject, or naming a reviewer its cause cannot concern', () => {
    expect(evidenceEventProblem({ cause: 'verdict_recorded', vendorId: 'v', reviewerId: 'r' })).toBeNull();
    expect(evidenceEventProblem({ cause: 'reviewer_affiliation_declared', reviewerId: 'r' })).toBeNull();
    expect(evidenceEventProblem({ cause: 'dispute_resolved', vendorId: 'v' })).toBeNull();
    expect(evidenceEventProblem({ cause: 'reference_answered' })).toMatch(/neither a vendor nor a reviewer/);
    expect(evidenceEventProblem({ cause: 'reference_answered', vendorId: 'v', reviewerId: 'r' })).toMatch(/names no reviewer/);
  });
});
