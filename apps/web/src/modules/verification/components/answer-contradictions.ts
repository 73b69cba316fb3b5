// A reference's answer that contradicts itself is the reviewer's first question, so the task page
// points it out: "achieved: yes" next to an observed value short of the claim, or next to a comment
// that says the opposite. Pure, so a unit test pins the rules; the reviewer still decides.
import { previewShare, withUnit } from './outcome-format';

export interface OutcomeLike {
  metricName: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  baselineValue: number;
  claimedValue: number;
}

/** Words by which a comment says an outcome was not (fully) reached. */
const NEGATIVE = /\b(not|never|didn[’']?t|did not|wasn[’']?t|isn[’']?t|no longer|failed|fell short|short of|missed|below target|worse|abandoned|switched (it )?off|rolled back)\b/i;

/** A sentence saying how the answer contradicts itself, or null when it does not. */
export function answerContradiction(o: OutcomeLike, achieved: string, observedValue: number | null | undefined, comments: string | null | undefined): string | null {
  if (achieved === 'yes' && observedValue != null) {
    const share = previewShare(o, observedValue);
    if (share !== null && share < 0.9) {
      return `The answer says “achieved: yes”, but the value it reports (${withUnit(observedValue, o.unit)}) reaches only ${Math.round(share * 100)}% of the claimed improvement in ${o.metricName}.`;
    }
  }
  if (achieved === 'no' && observedValue != null) {
    const share = previewShare(o, observedValue);
    if (share !== null && share >= 1) return `The answer says “achieved: no”, but the value it reports (${withUnit(observedValue, o.unit)}) meets the claim.`;
  }
  if (achieved === 'yes' && comments) {
    const match = NEGATIVE.exec(comments);
    if (match) return `The answer says “achieved: yes”, but the reference’s comment says “${excerpt(comments, match.index)}”.`;
  }
  return null;
}

function excerpt(text: string, at: number): string {
  const start = Math.max(0, text.lastIndexOf('.', at) + 1);
  const endDot = text.indexOf('.', at);
  const sentence = text.slice(start, endDot === -1 ? undefined : endDot + 1).trim();
  return sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
}
