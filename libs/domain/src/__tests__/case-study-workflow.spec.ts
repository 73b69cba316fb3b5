import fc from 'fast-check';
import {
  allowedEvents,
  CASE_STUDY_EVENT_TYPES,
  CASE_STUDY_STATUSES,
  checkEditable,
  isEditable,
  transition,
  VERDICT_STATUSES,
  type CaseStudyEvent,
  type CaseStudyStatus,
} from '../case-study-workflow';

// Every event the workflow knows, with each payload variant spelled out.
const EVENTS: ReadonlyArray<{ label: string; event: CaseStudyEvent }> = [
  { label: 'submit', event: { type: 'submit' } },
  { label: 'recall_submission', event: { type: 'recall_submission' } },
  { label: 'start_verification', event: { type: 'start_verification' } },
  ...VERDICT_STATUSES.map((status) => ({
    label: `record_verdict(${status})`,
    event: { type: 'record_verdict', status } as const,
  })),
  { label: 'dispute', event: { type: 'dispute' } },
  ...VERDICT_STATUSES.map((status) => ({
    label: `resolve_dispute(upheld, was ${status})`,
    event: { type: 'resolve_dispute', resolution: 'upheld', originalStatus: status } as const,
  })),
  ...VERDICT_STATUSES.map((status) => ({
    label: `resolve_dispute(amended to ${status})`,
    event: { type: 'resolve_dispute', resolution: 'amended', amendedStatus: status } as const,
  })),
  { label: 'withdraw', event: { type: 'withdraw' } },
  { label: 'reopen_for_reverification', event: { type: 'reopen_for_reverification' } },
];

const AFTER_VERDICT = { dispute: 'disputed', withdraw: 'withdrawn', reopen_for_reverification: 'submitted' } as const;

// The legal transitions, written out by hand; every pair not listed must be refused.
const LEGAL: Record<CaseStudyStatus, Record<string, CaseStudyStatus>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { recall_submission: 'draft', start_verification: 'in_verification', withdraw: 'withdrawn' },
  in_verification: {
    'record_verdict(verified)': 'verified',
    'record_verdict(partially_verified)': 'partially_verified',
    'record_verdict(unverified)': 'unverified',
    withdraw: 'withdrawn',
  },
  verified: AFTER_VERDICT,
  partially_verified: AFTER_VERDICT,
  unverified: AFTER_VERDICT,
  disputed: {
    'resolve_dispute(upheld, was verified)': 'verified',
    'resolve_dispute(upheld, was partially_verified)': 'partially_verified',
    'resolve_dispute(upheld, was unverified)': 'unverified',
    'resolve_dispute(amended to verified)': 'verified',
    'resolve_dispute(amended to partially_verified)': 'partially_verified',
    'resolve_dispute(amended to unverified)': 'unverified',
    withdraw: 'withdrawn',
  },
  withdrawn: {},
};

const PAIRS = CASE_STUDY_STATUSES.flatMap((state) =>
  EVENTS.map(({ label, event }) => ({ state, label, event, expected: LEGAL[state][label] ?? null })),
);

describe('case-study workflow', () => {
  describe('every (status, event) pair', () => {
    it('covers all 8 statuses and 15 event variants', () => {
      expect(PAIRS).toHaveLength(8 * 15);
    });

    it.each(PAIRS.filter((p) => p.expected !== null))('$state + $label → $expected', ({ state, event, expected }) => {
      expect(transition(state, event)).toEqual({ ok: true, from: state, to: expected });
    });

    it.each(PAIRS.filter((p) => p.expected === null))('refuses $label from $state', ({ state, event }) => {
      const result = transition(state, event);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe('CASE_STUDY_TRANSITION_NOT_ALLOWED');
      // A sentence for a person: capitalised, ends with a full stop, no internal identifiers.
      expect(result.message).toMatch(/^[A-Z].*\.$/);
      expect(result.message).not.toMatch(/_|undefined/);
    });
  });

  it('lists exactly the legal events for each status', () => {
    for (const state of CASE_STUDY_STATUSES) {
      const legalTypes = new Set(
        EVENTS.filter(({ label }) => LEGAL[state][label] !== undefined).map(({ event }) => event.type),
      );
      expect(new Set(allowedEvents(state))).toEqual(legalTypes);
    }
  });

  it.each([
    ['verified', 'submit', 'A verified case study cannot be submitted again.'],
    ['unverified', 'submit', 'An unverified case study cannot be submitted again.'],
    ['withdrawn', 'withdraw', 'This case study has already been withdrawn.'],
    ['withdrawn', 'submit', 'This case study has been withdrawn, and a withdrawn case study cannot change any more.'],
    ['disputed', 'dispute', "This case study's verdict is already under dispute."],
    ['draft', 'dispute', 'Only a verdict can be disputed, and this case study has none yet (it is a draft).'],
    ['disputed', 'reopen_for_reverification', 'Resolve the open dispute before reopening this case study for re-verification.'],
    [
      'in_verification',
      'recall_submission',
      'A reviewer has already started verifying this case study, so it can no longer be returned to draft.',
    ],
  ] as const)('explains why %s cannot take %s', (state, type, message) => {
    expect(transition(state, { type } as CaseStudyEvent)).toEqual({
      ok: false,
      code: 'CASE_STUDY_TRANSITION_NOT_ALLOWED',
      message,
    });
  });

  it('lets a vendor withdraw a published case study', () => {
    for (const state of ['verified', 'partially_verified', 'unverified', 'disputed'] as const) {
      expect(transition(state, { type: 'withdraw' })).toMatchObject({ ok: true, to: 'withdrawn' });
    }
  });

  it('refuses a verdict event that carries no verdict status', () => {
    const event = { type: 'record_verdict', status: 'draft' } as unknown as CaseStudyEvent;
    expect(transition('in_verification', event)).toMatchObject({ ok: false, code: 'CASE_STUDY_EVENT_INVALID' });
  });

  it('refuses a dispute resolution that is neither upheld nor amended', () => {
    const event = { type: 'resolve_dispute', resolution: 'ignored', originalStatus: 'verified' } as unknown as CaseStudyEvent;
    expect(transition('disputed', event)).toMatchObject({ ok: false, code: 'CASE_STUDY_EVENT_INVALID' });
  });

  it('refuses an event type it does not know', () => {
    const event = { type: 'publish' } as unknown as CaseStudyEvent;
    expect(transition('draft', event)).toMatchObject({ ok: false, code: 'CASE_STUDY_EVENT_INVALID' });
  });

  describe('editing', () => {
    it('allows editing only a draft', () => {
      expect(CASE_STUDY_STATUSES.filter(isEditable)).toEqual(['draft']);
    });

    it('tells the vendor to recall a submitted case study before editing it', () => {
      expect(checkEditable('submitted')).toEqual({
        ok: false,
        code: 'CASE_STUDY_NOT_EDITABLE',
        message: 'Only a draft case study can be edited; this one is submitted. Recall the submission to edit it again.',
      });
      expect(checkEditable('draft')).toEqual({ ok: true });
    });
  });

  describe('properties', () => {
    const anyEvent = fc.constantFrom(...EVENTS.map((e) => e.event));

    it('accepts an event exactly when allowedEvents lists it, and never leaves withdrawn', () => {
      fc.assert(
        fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
          let state: CaseStudyStatus = 'draft';
          for (const event of events) {
            const result = transition(state, event);
            expect(result.ok).toBe(allowedEvents(state).includes(event.type));
            if (!result.ok) continue;
            expect(CASE_STUDY_STATUSES).toContain(result.to);
            if (state === 'withdrawn') throw new Error('left withdrawn');
            state = result.to;
          }
        }),
      );
    });

    it('reaches a verdict status only from verification or a dispute', () => {
      fc.assert(
        fc.property(fc.constantFrom(...CASE_STUDY_STATUSES), anyEvent, (state, event) => {
          const result = transition(state, event);
          if (result.ok && (VERDICT_STATUSES as readonly string[]).includes(result.to)) {
            expect(['in_verification', 'disputed']).toContain(state);
          }
        }),
      );
    });

    it('knows every event type it lists', () => {
      const listed = new Set(CASE_STUDY_STATUSES.flatMap(allowedEvents));
      for (const type of listed) expect(CASE_STUDY_EVENT_TYPES).toContain(type);
    });
  });
});
