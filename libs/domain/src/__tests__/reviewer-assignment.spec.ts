import fc from 'fast-check';
import {
  checkDecline,
  drawOrder,
  matchesExpertise,
  FAVOURABLE_MARGIN,
  MAX_DECLINES_PER_30_DAYS,
  MAX_OPEN_TASKS_PER_REVIEWER,
  NEW_REVIEWER_VERDICTS,
  relativeGain,
  secondVerdictReasons,
  type AssignmentCandidate,
} from '../reviewer-assignment';

/** A seeded uniform generator (mulberry32), so draws repeat. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const candidatesArb = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^r[0-9a-f]{1,4}$/), openTasks: fc.integer({ min: 0, max: MAX_OPEN_TASKS_PER_REVIEWER + 2 }) }),
  { selector: (c) => c.id, maxLength: 30 },
);

describe(drawOrder.name, () => {
  it('orders exactly the candidates with room who are not excluded, each once', () => {
    fc.assert(
      fc.property(candidatesArb, fc.integer(), fc.array(fc.nat(), { maxLength: 5 }), (candidates, seed, excludedIdx) => {
        const exclude = new Set(excludedIdx.filter((i) => i < candidates.length).map((i) => candidates[i].id));
        const order = drawOrder(candidates, seeded(seed), { exclude });
        const expected = candidates.filter((c) => c.openTasks < MAX_OPEN_TASKS_PER_REVIEWER && !exclude.has(c.id)).map((c) => c.id);
        expect([...order].sort()).toEqual([...expected].sort());
      }),
    );
  });

  it('does not depend on the order the candidates are listed in', () => {
    fc.assert(
      fc.property(candidatesArb, fc.integer(), (candidates, seed) => {
        expect(drawOrder([...candidates].reverse(), seeded(seed))).toEqual(drawOrder(candidates, seeded(seed)));
      }),
    );
  });

  it('puts every eligible reviewer first about equally often when loads are equal', () => {
    const pool: AssignmentCandidate[] = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, openTasks: 0 }));
    const random = seeded(7);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const first = drawOrder(pool, random)[0];
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // 1,000 expected each; sd ≈ 28: ±150 is over five standard deviations.
    for (const c of pool) expect(Math.abs((firsts.get(c.id) ?? 0) - 1000)).toBeLessThan(150);
  });

  it('favours the reviewer with more spare capacity, in proportion', () => {
    const pool: AssignmentCandidate[] = [
      { id: 'idle', openTasks: 0 },
      { id: 'busy', openTasks: MAX_OPEN_TASKS_PER_REVIEWER - 1 },
    ];
    const random = seeded(11);
    let idleFirst = 0;
    for (let i = 0; i < 4000; i++) if (drawOrder(pool, random)[0] === 'idle') idleFirst++;
    // Keys u^(1/5) against u^(1/1): P(idle first) = 5/6.
    expect(idleFirst / 4000).toBeGreaterThan(0.8);
    expect(idleFirst / 4000).toBeLessThan(0.87);
  });

  it('draws every reviewer with matching expertise before any without, and still orders everyone eligible', () => {
    const capabilities = ['nlp', 'forecasting', 'mlops', 'computer_vision'];
    const withExpertise = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^r[0-9a-f]{1,4}$/),
        openTasks: fc.integer({ min: 0, max: MAX_OPEN_TASKS_PER_REVIEWER + 2 }),
        expertise: fc.subarray(capabilities),
      }),
      { selector: (c) => c.id, maxLength: 30 },
    );
    fc.assert(
      fc.property(withExpertise, fc.subarray(capabilities), fc.integer(), (candidates, needed, seed) => {
        const order = drawOrder(candidates, seeded(seed), { needed });
        const byId = new Map(candidates.map((c) => [c.id, c]));
        const expert = order.map((id) => matchesExpertise(byId.get(id)!.expertise, needed));
        // Experts form a prefix: once a non-expert is drawn, no expert follows.
        expect(expert.indexOf(false) === -1 || !expert.slice(expert.indexOf(false)).includes(true)).toBe(true);
        expect([...order].sort()).toEqual(candidates.filter((c) => c.openTasks < MAX_OPEN_TASKS_PER_REVIEWER).map((c) => c.id).sort());
      }),
    );
  });

  it('matches expertise only on a declared capability the vendor has', () => {
    expect(matchesExpertise(['nlp'], ['nlp', 'mlops'])).toBe(true);
    expect(matchesExpertise(['forecasting'], ['nlp'])).toBe(false);
    expect(matchesExpertise([], ['nlp'])).toBe(false);
    expect(matchesExpertise(['nlp'], [])).toBe(false);
  });

  it('offers nobody when every candidate is full or excluded', () => {
    expect(drawOrder([{ id: 'a', openTasks: MAX_OPEN_TASKS_PER_REVIEWER }, { id: 'b', openTasks: 0 }], seeded(1), { exclude: new Set(['b']) })).toEqual([]);
  });
});

describe(checkDecline.name, () => {
  it('allows declines up to the limit, then refuses with a sentence', () => {
    expect(checkDecline(MAX_DECLINES_PER_30_DAYS - 1)).toEqual({ ok: true });
    const refused = checkDecline(MAX_DECLINES_PER_30_DAYS);
    expect(refused).toMatchObject({ ok: false, code: 'DECLINE_LIMIT' });
    expect(!refused.ok && refused.message).toMatch(/declined 5 tasks in the last 30 days/);
  });
});

describe(secondVerdictReasons.name, () => {
  const seasoned = { reviewerPriorVerdicts: NEW_REVIEWER_VERDICTS, verdictShares: [1], otherEvidenceShares: [], claims: [{ baseline: 100, claimed: 110 }] };

  it('selects one verdict in ten at random, and none of the others for no reason', () => {
    expect(secondVerdictReasons({ ...seasoned, draw: 0.05 })).toEqual(['random']);
    expect(secondVerdictReasons({ ...seasoned, draw: 0.5 })).toEqual([]);
  });

  it('checks every verdict of a new reviewer', () => {
    expect(secondVerdictReasons({ ...seasoned, draw: 0.5, reviewerPriorVerdicts: NEW_REVIEWER_VERDICTS - 1 })).toEqual(['new_reviewer']);
  });

  it('checks a verdict much more favourable than the other evidence on the vendor', () => {
    expect(secondVerdictReasons({ ...seasoned, draw: 0.5, verdictShares: [1, 1], otherEvidenceShares: [0.5, 0.5] })).toEqual(['more_favourable_than_other_evidence']);
    expect(secondVerdictReasons({ ...seasoned, draw: 0.5, verdictShares: [1], otherEvidenceShares: [1 - FAVOURABLE_MARGIN + 0.01] })).toEqual([]);
  });

  it('checks a high-impact claim (at least half the baseline, or anything from zero)', () => {
    expect(secondVerdictReasons({ ...seasoned, draw: 0.5, claims: [{ baseline: 10, claimed: 15 }] })).toEqual(['high_impact_claim']);
    expect(relativeGain({ baseline: 0, claimed: 0.2 })).toBe(Number.POSITIVE_INFINITY);
    expect(relativeGain({ baseline: 0.4, claimed: 0.3 })).toBeCloseTo(0.25);
  });

  it('selects at least the random share of any population of verdicts', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 50 }), (draws) => {
        const selected = draws.filter((draw) => secondVerdictReasons({ ...seasoned, draw }).length > 0).length;
        expect(selected).toBe(draws.filter((d) => d < 0.1).length);
      }),
    );
  });
});
