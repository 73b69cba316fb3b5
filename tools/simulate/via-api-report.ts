// Renderings of a `--via-api` run: text for the terminal, JSON for machines, and the
// "Through the real API" section of docs/simulation.md.
import type { ComparisonResult, ViaApiResult, VendorSummary } from './via-api';

const SECTION_START = '<!-- via-api:start -->';
const SECTION_END = '<!-- via-api:end -->';

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const n = (x: number | undefined): string => (x ?? 0).toLocaleString('en-GB');

interface GroupSummary {
  vendors: number;
  withVerifiedCaseStudies: number;
  meanAssay: number;
  meanAssayLower: number;
  meanVerifiedDelivery: number;
  meanClientEndorsement: number;
  meanQuality: number;
}

function mean(xs: number[]): number {
  const finite = xs.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
}

/** Honest and adversarial vendors side by side (from the stored signals after the recompute). */
export function groupSummary(vendors: readonly VendorSummary[], adversarial: boolean): GroupSummary {
  const group = vendors.filter((v) => v.adversarial === adversarial);
  return {
    vendors: group.length,
    withVerifiedCaseStudies: group.filter((v) => v.verifiedCaseStudies > 0).length,
    meanAssay: mean(group.map((v) => v.assay.mean)),
    meanAssayLower: mean(group.map((v) => v.assay.lower)),
    meanVerifiedDelivery: mean(group.map((v) => v.verifiedDelivery)),
    meanClientEndorsement: mean(group.map((v) => v.clientEndorsement)),
    meanQuality: mean(group.map((v) => v.quality)),
  };
}

/** The machine-readable result of `--via-api --json`. */
export function viaApiJson(result: ViaApiResult): unknown {
  const { evidence: _evidence, ...rest } = result;
  return { ...rest, groups: { honest: groupSummary(result.vendors, false), adversarial: groupSummary(result.vendors, true) } };
}

function comparisonLine(label: string, c: ComparisonResult): string {
  return `${label}: ${c.vendorsCompared} vendors, ${n(c.valuesCompared)} values compared, ${c.mismatches.length} mismatches (largest difference ${c.largestDifference.toExponential(1)})`;
}

function pushedLine(p: Record<string, number>): string {
  return [
    `${n(p.vendors)} vendors (${n(p.adversarialVendors)} adversarial), ${n(p.accounts)} sign-ups, ${n(p.admins)} admins, ${n(p.reviewersAccredited)} reviewers accredited, ${n(p.domainsVerified)} vendor domains verified`,
    `${n(p.caseStudies)} case studies with ${n(p.evidenceLinks)} evidence links; ${n(p.submitted)} submitted, ${n(p.submissionsRefused)} refused for want of a usable reference`,
    `${n(p.nominations)} nominations (${n(p.selfReferencesRefused)} self-references refused, ${n(p.duplicateNominationsRefused)} repeated contacts refused), ${n(p.drawnReferences)} references drawn from the roster`,
    `${n(p.answers)} answers, ${n(p.declines)} declines and ${n(p.expiries)} expiries through the emailed links; ${n(p.referencesStillOpen)} links still open at the market's date`,
    `${n(p.verdicts)} verdicts (${n(p.reassignedToAnotherReviewer)} tasks taken by another reviewer than the market's), ${n(p.claimedWithoutVerdictYet)} tasks claimed without a verdict yet, ${n(p.spotChecks)} spot checks (${n(p.spotChecksDisagreeing)} disagreeing)`,
  ].join('\n  ');
}

/** The terminal report. */
export function renderViaApiText(result: ViaApiResult): string {
  const lines: string[] = [];
  lines.push(`via-api: seed ${result.seed}, ${result.vendorCount} vendors, market observed at ${result.marketNow.slice(0, 10)}, ${result.database === 'embedded' ? 'embedded PostgreSQL' : 'DATABASE_URL'}`);
  lines.push(`pushed in ${(result.durationMs / 1000).toFixed(1)} s with ${n(result.httpRequests)} GraphQL requests over HTTP:`);
  lines.push(`  ${pushedLine(result.pushed)}`);
  lines.push(`server answers as planned: ${result.pushMismatches.length === 0 ? 'all' : `${result.pushMismatches.length} differences`}`);
  for (const m of result.pushMismatches.slice(0, 50)) lines.push(`  ${m.vendor} ${m.what}: expected ${m.expected}, server ${m.server}`);
  lines.push(comparisonLine('signals as refreshed with each event', result.incremental));
  lines.push(`${comparisonLine('signals after refreshMarket + recomputeAll', result.recompute)}; claim-accuracy median server ${f3(result.recompute.marketMedian.server)}, library ${f3(result.recompute.marketMedian.library)}`);
  for (const m of [...result.incremental.mismatches, ...result.recompute.mismatches].slice(0, 50)) {
    lines.push(`  [${m.phase}] ${m.vendor} ${m.signal}: server ${String(m.server)}, library ${String(m.library)}`);
  }
  for (const adversarial of [false, true]) {
    const g = groupSummary(result.vendors, adversarial);
    lines.push(
      `${adversarial ? 'adversarial' : 'honest'} vendors (${g.vendors}, mean true quality ${f3(g.meanQuality)}): mean Assay ${f3(g.meanAssay)} (lower end ${f3(g.meanAssayLower)}), verified delivery ${f3(g.meanVerifiedDelivery)}, client endorsement ${f3(g.meanClientEndorsement)}; ${g.withVerifiedCaseStudies} with verified case studies`,
    );
  }
  lines.push(result.ok ? 'RESULT: every stored signal equals @assay/signals on the simulation’s record' : 'RESULT: MISMATCH (see above)');
  return `${lines.join('\n')}\n`;
}

/** The "Through the real API" section of docs/simulation.md, with the latest result. */
export function renderViaApiMarkdown(result: ViaApiResult): string {
  const p = result.pushed;
  const honest = groupSummary(result.vendors, false);
  const adversarial = groupSummary(result.vendors, true);
  const mismatches = result.pushMismatches.length + result.incremental.mismatches.length + result.recompute.mismatches.length;
  return [
    `**Latest result** (\`npm run simulate -- --via-api --seed ${result.seed} --vendors ${result.vendorCount} --report\`, ${(result.durationMs / 1000).toFixed(0)} s on the development machine): ${mismatches === 0 ? '**no mismatch**' : `**${mismatches} mismatches**`}.`,
    '',
    '| | |',
    '| --- | --- |',
    `| pushed | ${n(p.vendors)} vendors (${n(p.adversarialVendors)} adversarial), ${n(p.submitted)} case studies submitted (${n(p.submissionsRefused)} refused: no usable reference), ${n(p.nominations)} nominations (${n(p.selfReferencesRefused)} self-references refused), ${n(p.drawnReferences)} roster draws, ${n(p.answers)} answers, ${n(p.declines)} declines, ${n(p.expiries)} expiries, ${n(p.verdicts)} verdicts, ${n(p.spotChecks)} spot checks (${n(p.spotChecksDisagreeing)} disagreeing); ${n(result.httpRequests)} GraphQL requests |`,
    `| signals as refreshed with each event | ${result.incremental.vendorsCompared} vendors, ${n(result.incremental.valuesCompared)} values, ${result.incremental.mismatches.length} mismatches, largest difference ${result.incremental.largestDifference.toExponential(1)} |`,
    `| after \`refreshMarket\` + \`recomputeAll\` | ${result.recompute.vendorsCompared} vendors, ${n(result.recompute.valuesCompared)} values, ${result.recompute.mismatches.length} mismatches; claim-accuracy median ${f3(result.recompute.marketMedian.server)} (server) = ${f3(result.recompute.marketMedian.library)} (library) |`,
    `| honest vendors | ${honest.vendors}: mean Assay ${f3(honest.meanAssay)} (lower end ${f3(honest.meanAssayLower)}), verified delivery ${f3(honest.meanVerifiedDelivery)}, client endorsement ${f3(honest.meanClientEndorsement)} |`,
    `| adversarial vendors | ${adversarial.vendors}: mean Assay ${f3(adversarial.meanAssay)} (lower end ${f3(adversarial.meanAssayLower)}), verified delivery ${f3(adversarial.meanVerifiedDelivery)}, client endorsement ${f3(adversarial.meanClientEndorsement)} |`,
  ].join('\n');
}

/** Replaces the generated part of the section (between its markers) in docs/simulation.md. */
export function replaceViaApiSection(markdown: string, latest: string): string {
  const start = markdown.indexOf(SECTION_START);
  const end = markdown.indexOf(SECTION_END);
  if (start < 0 || end < start) throw new Error(`docs/simulation.md has no ${SECTION_START} … ${SECTION_END} markers; regenerate it with --report first.`);
  return `${markdown.slice(0, start + SECTION_START.length)}\n${latest}\n${markdown.slice(end)}`;
}

/** The generated part of the section in an existing docs/simulation.md, kept when the rest is regenerated. */
export function existingViaApiSection(markdown: string): string | undefined {
  const start = markdown.indexOf(SECTION_START);
  const end = markdown.indexOf(SECTION_END);
  return start >= 0 && end > start ? markdown.slice(start + SECTION_START.length, end).trim() : undefined;
}

export const VIA_API_MARKERS = { start: SECTION_START, end: SECTION_END };
