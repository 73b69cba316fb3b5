// The words a buyer reads first: the evidence threshold on cards, "why this score" sentences,
// the compare page's conclusion, and the anonymity check the editor and the API share.
import { clientIdentifiers, findAnonymityLeaks } from '../../libs/domain/src/anonymity';
import { compareConclusion, NOT_SEPARATED } from '../../apps/web/src/modules/compare/components/compare-conclusion';
import { evidenceLine, hasEnoughEvidence, notEnoughEvidenceReason } from '../../apps/web/src/modules/signals/components/evidence-summary';
import { formatPoints, plainDescription, topEvidenceSentences } from '../../apps/web/src/modules/signals/components/evidence-sentences';
import { answerContradiction } from '../../apps/web/src/modules/verification/components/answer-contradictions';

describe('search card evidence', () => {
  it('shows no score below one verified case study and says why', () => {
    expect(hasEnoughEvidence({ verifiedCaseStudies: 0 })).toBe(false);
    expect(hasEnoughEvidence(null)).toBe(false);
    expect(hasEnoughEvidence({ verifiedCaseStudies: 1 })).toBe(true);
    expect(notEnoughEvidenceReason({ verifiedCaseStudies: 0 })).toBe('Assay shows a score once at least one case study has been checked by an independent reviewer.');
  });

  it('leads with the evidence behind the score', () => {
    expect(evidenceLine({ verifiedCaseStudies: 3, clientEndorsement: { evidenceCount: 2 } })).toBe('3 verified case studies · 2 client references');
    expect(evidenceLine({ verifiedCaseStudies: 1, clientEndorsement: { evidenceCount: 0 } })).toBe('1 verified case study · no client references yet');
  });
});

describe('why this score', () => {
  const item = (sentence: string, effect: number, weight = 1) => ({ evidenceId: sentence, caseStudyId: 'cs-1', kind: 'outcome', weight, factors: [], effect, sentence });

  it('rewrites the library sentence in plain words with the effect in whole points', () => {
    expect(plainDescription('“Resolution rate” in “Support assistant for a bank”: 92% of the claimed improvement was verified; weight 0.81 = recency 0.90 × reviewer reliability 0.90; moved the Assay score +4.1 pts (via Verified delivery +3.0 pts).')).toBe(
      'A reviewer confirmed 92% of the claimed gain in resolution rate on “Support assistant for a bank”',
    );
    expect(plainDescription('A drawn reference (strong identity) about “Churn model” would hire them again; weight 1; moved the Assay score +2.0 pts.')).toBe(
      'A client Assay contacted at random (“Churn model”) would hire them again',
    );
    expect(plainDescription('“Churn model” reached production; its follow-ups are not in yet (censored); weight 1; moved …')).toBe('“Churn model” reached production');
    expect(plainDescription('“Forecast error (WAPE)” in “Store demand” was verified as claimed (full credit); weight 1; moved the Assay score +3.0 pts.')).toBe(
      'A reviewer confirmed all of the claimed gain in forecast error (WAPE) on “Store demand”',
    );
    expect(plainDescription('“NPS” in “Store demand” was partly verified: 62% of the claimed improvement (credit 0.62); weight 1; moved …')).toBe('A reviewer confirmed 62% of the claimed gain in NPS on “Store demand”');
    // The library writes shares with a space ("95 %").
    expect(plainDescription('“NPS” in “Markdown” was partly verified: 95 % of the claimed improvement (credit 0.95); weight 0.60')).toBe('A reviewer confirmed 95% of the claimed gain in NPS on “Markdown”');
    expect(plainDescription('“NPS” in “Store demand” was refuted (no credit); weight 1; moved …')).toBe('A reviewer found that the claimed gain in NPS on “Store demand” did not hold');
    expect(formatPoints(0.041)).toBe('+4 points');
    expect(formatPoints(-0.01)).toBe('−1 point');
  });

  it('keeps the five items that moved the score most, leaving out those that did not move it', () => {
    const items = [0.01, -0.05, 0.03, 0, 0.02, 0.04, 0.002].map((e, i) => item(`Item ${i}; weight 1; moved`, e, i === 3 ? 0 : 1));
    const top = topEvidenceSentences(items);
    expect(top.map((t) => t.sentence)).toEqual(['Item 1 (−5 points).', 'Item 5 (+4 points).', 'Item 2 (+3 points).', 'Item 4 (+2 points).', 'Item 0 (+1 point).']);
  });
});

describe('compare conclusion', () => {
  const e = (mean: number, lower: number, upper: number, evidenceCount = 3) => ({ mean, lower, upper, evidenceCount, effectiveN: evidenceCount });

  it('says the evidence does not separate consultancies whose intervals overlap', () => {
    const rows = [
      { name: 'A', signals: { assay: e(0.6, 0.3, 0.8) } },
      { name: 'B', signals: { assay: e(0.5, 0.2, 0.7) } },
    ];
    expect(compareConclusion(rows, ['assay'])).toBe(NOT_SEPARATED);
  });

  it('names a separation only where the intervals do not overlap, and ignores signals without data', () => {
    const rows = [
      { name: 'A', signals: { assay: e(0.8, 0.7, 0.9), handover: e(0.9, 0.8, 1, 0) } },
      { name: 'B', signals: { assay: e(0.4, 0.3, 0.5), handover: e(0.1, 0, 0.2) } },
    ];
    expect(compareConclusion(rows, ['assay', 'handover'], { assay: 'Assay score' })).toBe(
      'On Assay score, A is ahead of B (their 90% intervals do not overlap). On every other signal the evidence does not yet separate them.',
    );
  });
});

describe('anonymity', () => {
  const base = { anonymised: true, clientName: 'Hidden Grocer Ltd', clientDomain: 'hidden-grocer.example', title: 'Markdown optimisation', problem: 'A European grocer wasted stock.', approach: 'Forecasts per store.' };

  it('finds the client’s name or domain in the title, problem and approach, naming the place', () => {
    expect(findAnonymityLeaks(base)).toEqual([]);
    const leaks = findAnonymityLeaks({ ...base, title: 'Markdowns at hidden-grocer', problem: 'Hidden Grocer wasted stock.', approach: 'See hidden-grocer.example/blog.' });
    expect(leaks.map((l) => [l.field, l.found])).toEqual([
      ['title', 'hidden-grocer'],
      ['problem', 'Hidden Grocer'],
      ['approach', 'hidden-grocer.example'],
    ]);
    expect(leaks[1].message).toBe('The client is anonymised, but the problem description names it (“Hidden Grocer”). Describe the client instead, e.g. “a European retailer”.');
  });

  it('allows the name when the case study is not anonymised, and never matches a generic word alone', () => {
    expect(findAnonymityLeaks({ ...base, anonymised: false, problem: 'Hidden Grocer wasted stock.' })).toEqual([]);
    expect(clientIdentifiers('Retail Group', 'group.example')).toEqual(['group.example', 'Retail Group']);
    expect(findAnonymityLeaks({ ...base, clientName: 'Acme', clientDomain: 'acme.example', problem: 'Acmes of industry; Acme-like.' }).map((l) => l.found)).toEqual(['Acme']);
  });
});

describe('contradictions a reviewer is shown', () => {
  const wape = { metricName: 'Forecast error (WAPE)', unit: '%', direction: 'lower_is_better' as const, baselineValue: 32, claimedValue: 21 };

  it('points out "achieved: yes" next to a value short of the claim, or a comment that says the opposite', () => {
    expect(answerContradiction(wape, 'yes', 30, null)).toBe('The answer says “achieved: yes”, but the value it reports (30\u00a0%) reaches only 18% of the claimed improvement in Forecast error (WAPE).');
    expect(answerContradiction(wape, 'yes', null, 'Great team. The model was switched off after two months.')).toBe(
      'The answer says “achieved: yes”, but the reference’s comment says “The model was switched off after two months.”.',
    );
    expect(answerContradiction(wape, 'no', 20, null)).toMatch(/“achieved: no”, but the value it reports \(20\u00a0%\) meets the claim/);
  });

  it('stays quiet when the answer agrees with itself', () => {
    expect(answerContradiction(wape, 'yes', 22, 'Confidential: the forecast saved us 2.1 M EUR in waste.')).toBeNull();
    expect(answerContradiction(wape, 'partly', 30, 'It did not reach the target.')).toBeNull();
  });
});
