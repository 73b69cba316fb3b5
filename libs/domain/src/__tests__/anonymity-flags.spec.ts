import { anonymityFlagOpen, canFlagAnonymityLeak } from '../anonymity-flags';

describe(canFlagAnonymityLeak.name, () => {
  const anonymised = { clientAnonymised: true };

  it('lets the reviewer who holds the task flag an anonymised case study, during and after the verdict', () => {
    expect(canFlagAnonymityLeak('r1', { leasedToId: 'r1', status: 'leased' }, anonymised)).toEqual({ ok: true });
    expect(canFlagAnonymityLeak('r1', { leasedToId: 'r1', status: 'completed' }, anonymised)).toEqual({ ok: true });
  });

  it('refuses another reviewer, and a task nobody holds', () => {
    expect(canFlagAnonymityLeak('r2', { leasedToId: 'r1', status: 'leased' }, anonymised)).toMatchObject({ ok: false, code: 'NOT_LEASEHOLDER' });
    expect(canFlagAnonymityLeak('r1', { leasedToId: null, status: 'open' }, anonymised)).toMatchObject({ ok: false, code: 'NOT_LEASEHOLDER' });
  });

  it('refuses a cancelled task even for its last holder', () => {
    expect(canFlagAnonymityLeak('r1', { leasedToId: 'r1', status: 'cancelled' }, anonymised)).toMatchObject({ ok: false, code: 'TASK_NOT_ACTIVE' });
  });

  it('refuses a case study that names its client openly', () => {
    expect(canFlagAnonymityLeak('r1', { leasedToId: 'r1', status: 'leased' }, { clientAnonymised: false })).toMatchObject({ ok: false, code: 'CASE_STUDY_NOT_ANONYMISED' });
  });
});

describe(anonymityFlagOpen.name, () => {
  it('stays open until a revision supersedes the flagged text', () => {
    expect(anonymityFlagOpen({ supersededAt: null })).toBe(true);
    expect(anonymityFlagOpen({ supersededAt: new Date('2026-12-01T00:00:00Z') })).toBe(false);
  });
});
