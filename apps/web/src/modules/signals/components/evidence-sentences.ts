// "Why this score" in plain sentences, made from the explanation items the API returns for
// the Assay score. The library's sentences are exact but read like formulas ("…; weight 0.81 =
// recency 0.9 × …; moved the Assay score +4.1 pts (via …)"); buyers get the first clause in
// everyday words and the effect in whole points. Pure, so both the public vendor page and
// the vendor's own page use it, and a unit test pins the words.
/** The fields of an `ExplanationItem` the sentences need (ExplanationList's type, structurally). */
interface ExplanationItemLike {
  evidenceId: string;
  caseStudyId?: string | null;
  weight: number;
  effect: number;
  sentence: string;
}

export interface PlainEvidence {
  evidenceId: string;
  caseStudyId: string | null;
  sentence: string;
  /** Whole percentage points this item moved the score (signed). */
  points: number;
}

const PCT = '(\\d+(?:[.,]\\d+)?[\\s\\u00a0\\u202f]?%)';
const OUTCOME = new RegExp(`^“(.+)” in (“.+”|case study \\S+): ${PCT} of the claimed improvement was verified$`);
const DELIVERY = new RegExp(`^“(.+)” in (“.+”|case study \\S+) (was verified as claimed|was partly verified: ${PCT} of the claimed improvement|was refuted|could not be verified)`);
const REFERENCE = /^A (nominated|drawn) reference \([^)]*\)(?: about (“.+?”|case study \S+))? (.+)$/;

/** The first clause of a library sentence, rewritten in plain words. */
export function plainDescription(sentence: string): string {
  const first = sentence.split('; ')[0].replace(/\s*\(censored\)/g, '').replace(/\.$/, '');
  const outcome = OUTCOME.exec(first);
  if (outcome) {
    const [, metric, caseStudy, share] = outcome;
    return `A reviewer confirmed ${tidy(share)} of the claimed gain in ${lowerFirst(metric)} on ${caseStudy}`;
  }
  const delivery = DELIVERY.exec(first);
  if (delivery) {
    const [, metric, caseStudy, verdict, share] = delivery;
    const gain = `the claimed gain in ${lowerFirst(metric)} on ${caseStudy}`;
    if (verdict.startsWith('was verified')) return `A reviewer confirmed all of ${gain}`;
    if (share) return `A reviewer confirmed ${tidy(share)} of ${gain}`;
    if (verdict === 'was refuted') return `A reviewer found that ${gain} did not hold`;
    return `A reviewer could not verify ${gain}`;
  }
  const reference = REFERENCE.exec(first);
  if (reference) {
    const [, source, caseStudy, rest] = reference;
    const who = source === 'drawn' ? 'A client Assay contacted at random' : 'A client reference the consultancy named';
    return `${who}${caseStudy ? ` (${caseStudy})` : ''} ${rest}`;
  }
  return first;
}

/** `95 %` (the library's spaced form) → `95%`, as the rest of the page writes shares. */
function tidy(share: string): string {
  return share.replace(/[\s\u00a0\u202f]%$/, '%');
}

/** "Forecast error (WAPE)" → "forecast error (WAPE)"; an acronym ("NPS") stays as written. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** `+4 points`, `−1 point`, `less than 1 point`. */
export function formatPoints(effect: number): string {
  const points = Math.round(effect * 100);
  if (points === 0) return effect >= 0 ? 'less than +1 point' : 'less than −1 point';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}

/** The three to five evidence items that moved the score most, as plain sentences. */
export function topEvidenceSentences(items: readonly ExplanationItemLike[], limit = 5): PlainEvidence[] {
  return items
    .filter((i) => i.weight > 0 && Math.abs(i.effect) >= 0.0005)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, limit)
    .map((i) => ({
      evidenceId: i.evidenceId,
      caseStudyId: i.caseStudyId ?? null,
      points: Math.round(i.effect * 100),
      sentence: `${plainDescription(i.sentence)} (${formatPoints(i.effect)}).`,
    }));
}
