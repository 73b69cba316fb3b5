// The published methodology as structured data, built from the configuration
// object the code uses. The web app's methodology page and docs/methodology.md
// are both rendered from `methodology()`, so page and code cannot drift apart.
import { type ConfigPath, configValue, DEFAULT_SIGNAL_CONFIG, SIGNAL_CONFIG_DOCS, type SignalConfig } from './config';
import { type FlagDefinition, flagDefinitions } from './integrity';
import { reviewerInformativeness } from './prepare';
import { fixed, pct } from './stats';
import type { SignalKey } from './types';

export interface ConstantDoc {
  path: string;
  value: number | string;
  meaning: string;
}

export interface SignalMethod {
  key: SignalKey;
  name: string;
  question: string;
  scale: string;
  description: string;
  formula: string;
  /** Dotted paths of the constants this signal uses. */
  constants: string[];
  /** What a vendor can do to improve it (honestly). */
  improve: string[];
}

export interface MethodologySection {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface Methodology {
  version: string;
  title: string;
  summary: string;
  sections: MethodologySection[];
  signals: SignalMethod[];
  flags: FlagDefinition[];
  constants: ConstantDoc[];
}

function days(n: number): string {
  return `${n} days (about ${fixed(n / 365.25, 1)} years)`;
}

function signalMethods(c: SignalConfig): SignalMethod[] {
  const w = c.assayWeights;
  const id = c.references.identityWeight;
  const src = c.references.sourceWeight;
  return [
    {
      key: 'verifiedDelivery',
      name: 'Verified delivery',
      question: 'Do their claimed outcomes survive verification?',
      scale: '0–100 %',
      description:
        'Every outcome a reviewer has judged counts. A verified outcome is a full success; a partly verified one earns partial credit — the verified improvement divided by the claimed improvement; a refuted one is a failure; one the reviewer could not verify counts as a failure at reduced weight. Pending outcomes do not count yet.',
      formula: `Beta(${c.prior.alpha} + Σ weight × credit, ${c.prior.beta} + Σ weight × (1 − credit)); weight = reviewer reliability × recency (× ${c.delivery.unverifiableWeight} if unverifiable; × ${c.trend.earlierWeight} for earlier outcomes of a vendor with declining recent evidence; × ${c.reviewer.anomalyWeight} for a reviewer whose verdicts on this vendor are far more favourable than the other evidence on it).`,
      constants: ['prior.alpha', 'prior.beta', 'delivery.unverifiableWeight', 'delivery.partialCreditWithoutValue', 'recency.halfLifeDays', 'trend.earlierWeight'],
      improve: [
        'Submit case studies with measurable outcomes and the evidence a reviewer needs (metrics exports, dashboards, client sign-off).',
        'State outcomes you can prove: an outcome verified at the value you claimed counts fully; an inflated one earns only the share that was verified.',
      ],
    },
    {
      key: 'claimAccuracy',
      name: 'Claim accuracy',
      question: 'How much do they exaggerate?',
      scale: '0–100 % of the claimed improvement',
      description:
        'For every outcome a reviewer measured, the verified improvement divided by the claimed improvement (capped at 100 %). The typical (weighted median) share is shrunk toward the market median — the weighted median of every vendor’s verified shares, refreshed by the platform — so two or three outcomes cannot make a vendor look perfectly accurate. Outcomes the reviewer could not measure do not count here.',
      formula: `λ × weighted median + (1 − λ) × market median, λ = N / (N + ${c.claimAccuracy.priorStrength}), N = Σ weight. Interval: weighted quantiles at ½ ± z·½/√N shrunk the same way toward 0 and 100 %.`,
      constants: ['claimAccuracy.priorStrength', 'claimAccuracy.defaultMarketMedian', 'recency.halfLifeDays', 'trend.earlierWeight'],
      improve: ['Claim what you measured, with the baseline and the measurement method; under-promising costs nothing here.'],
    },
    {
      key: 'productionDurability',
      name: 'Production durability',
      question: 'Do their systems reach production and stay there?',
      scale: '0–100 % of projects',
      description: `The share of projects that reach production and are still in production 12 months after go-live, from the +6 and +12-month follow-up checks. Projects whose fate is not known yet (a proof of concept younger than ${c.durability.pocCensorDays} days, a system whose follow-ups are not due) are censored, not failures: their weight is passed on to the projects that were followed longer (Kaplan–Meier, by redistribution to the right). Only projects whose fate is known make the interval narrower.`,
      formula: `Beta(${c.prior.alpha} + K × D̂, ${c.prior.beta} + K × (1 − D̂)); D̂ = Kaplan–Meier estimate over the path reach → 6 months → 12 months; K = Σ weight of projects with a known fate; weight = follow-up source (client ${c.durability.followUpSourceWeight.client}, reviewer ${c.durability.followUpSourceWeight.reviewer}, vendor ${c.durability.followUpSourceWeight.vendor}; unreviewed status ${c.durability.unreviewedStatusWeight}) × recency.`,
      constants: [
        'durability.pocCensorDays',
        'durability.unreviewedStatusWeight',
        'durability.followUpSourceWeight.client',
        'durability.followUpSourceWeight.reviewer',
        'durability.followUpSourceWeight.vendor',
      ],
      improve: [
        'Record go-live dates and keep production status current.',
        'Make sure your clients answer the +6 and +12-month follow-up checks: until they do, those projects cannot count.',
      ],
    },
    {
      key: 'clientEndorsement',
      name: 'Client endorsement',
      question: 'Would their clients hire them again?',
      scale: '0–100 % of clients',
      description: `Each answered reference says yes or no. Answers are weighted by who the contact is (client domain ${id.strong}, unknown ${id.unknown}, free-mail ${id.weak}, vendor’s own domain ${id.self}) and how they were chosen (drawn at random from the client roster ${src.drawn}, nominated by the vendor ${src.nominated}).`,
      formula: `Beta(${c.prior.alpha} + Σ weight × yes, ${c.prior.beta} + Σ weight × no); weight = identity × client-domain standing (for a contact on the client’s domain) × source × recency × shared-contact, repeated-contact and burst adjustments (× ${c.references.cherryPickingNominatedWeight} for nominated answers of a vendor flagged for roster cherry-picking).`,
      constants: [
        'references.clientDomainWeight.confirmed',
        'references.clientDomainWeight.corroborated',
        'references.clientDomainWeight.unconfirmed',
        'references.clientDomainWeight.suspect',
        'references.identityWeight.strong',
        'references.identityWeight.unknown',
        'references.identityWeight.weak',
        'references.identityWeight.self',
        'references.sourceWeight.drawn',
        'references.sourceWeight.nominated',
        'references.cherryPickingNominatedWeight',
      ],
      improve: [
        'Keep your client roster complete: references drawn at random from it weigh the most.',
        'Ask clients to answer from their company address; free-mail answers weigh a quarter.',
        'Invite your clients to confirm your case studies on Assay: a client domain its own organisation confirmed weighs the most.',
      ],
    },
    {
      key: 'handover',
      name: 'Handover',
      question: 'Can the client team run it without them?',
      scale: '0–100 % (a 1–5 rating mapped to 0–1)',
      description:
        'Handover ratings from references and from reviewers, 1 (thrown over the wall) to 5 (the client team owns and runs it), mapped to 0–1 and pooled as partial successes. Reference ratings are weighted like endorsements; reviewer ratings like verdicts.',
      formula: `Beta(${c.prior.alpha} + Σ weight × (rating − 1)/4, ${c.prior.beta} + Σ weight × (5 − rating)/4).`,
      constants: ['prior.alpha', 'prior.beta'],
      improve: ['Document the handover (runbooks, training, ownership) so that reviewers and clients can rate it.'],
    },
    {
      key: 'evidenceDepth',
      name: 'Evidence depth',
      question: 'How much do we know?',
      scale: 'effective number of independent sources (0 and up)',
      description:
        'One source per case study a reviewer measured and one per distinct reference contact who answered, each counted at its weight. It is a count, not an estimate, so it has no interval. It is not part of the Assay score — thin evidence already shows as a wide interval.',
      formula: 'Σ over case studies of the strongest verdict weight + Σ over distinct answering contacts of the strongest answer weight.',
      constants: ['recency.halfLifeDays'],
      improve: ['Get more case studies verified and more drawn references answered; recent evidence counts the most.'],
    },
    {
      key: 'referenceResponseRate',
      name: 'Reference response rate',
      question: 'Do clients we contact at random answer?',
      scale: '0–100 % of drawn requests',
      description:
        'Only references drawn at random from the client roster count (a vendor chooses whom to nominate). Pending requests are not counted yet. A contact drawn for several case studies counts once, by their latest answer or silence. Shown to buyers and used for a flag; not part of the Assay score.',
      formula: `Beta(${c.prior.alpha} + Σ recency × answered, ${c.prior.beta} + Σ recency × (declined or expired)), over distinct contacts (each by their latest resolved request).`,
      constants: ['flags.lowResponseRateMinResolved', 'flags.lowResponseRateUpper'],
      improve: ['Tell your clients that Assay may contact them, and keep contact details current.'],
    },
    {
      key: 'assay',
      name: 'Assay score',
      question: 'Overall, how well did they verifiably deliver?',
      scale: '0–100 %',
      description: `A weighted average of verified delivery (${pct(w.verifiedDelivery)}), claim accuracy (${pct(w.claimAccuracy)}), production durability (${pct(w.productionDurability)}), client endorsement (${pct(w.clientEndorsement)}) and handover (${pct(w.handover)}). Its interval is the same weighted average of the signals’ intervals: exact when the signals move together, as they do for a good vendor, and on the cautious side otherwise.`,
      formula: 'Σ share × signal, for the point and for each end of the interval. Rankings sort by the point estimate by default; the lower end is the cautious order buyers can choose.',
      constants: [
        'assayWeights.verifiedDelivery',
        'assayWeights.claimAccuracy',
        'assayWeights.productionDurability',
        'assayWeights.clientEndorsement',
        'assayWeights.handover',
      ],
      improve: ['Improve the signals above; more verified evidence moves the point estimate away from the prior, which is what rankings use, and narrows the interval.'],
    },
  ];
}

function sections(c: SignalConfig): MethodologySection[] {
  const dm = c.references.clientDomainWeight;
  const newReviewer = c.reviewer.priorAgreements / (c.reviewer.priorAgreements + c.reviewer.priorDisagreements);
  return [
    {
      id: 'reading',
      title: 'How to read a signal',
      paragraphs: [
        `Every signal is an estimate with a ${pct(c.credibleMass)} credible interval: given the evidence, the true value lies inside the interval with ${pct(c.credibleMass)} probability. Before there is any evidence, the estimate says “we don’t know yet”: the interval covers almost the whole scale.`,
        'For verified delivery, client endorsement, handover and reference response rate the interval is the exact Beta posterior given the weighted evidence (an item of weight w counts as w observations). Claim accuracy and production durability use the approximations stated with them, and the Assay score combines the signals’ intervals as described under it.',
        'Evidence narrows the interval and moves the point estimate away from the prior. Rankings sort by the point estimate: one glowing review is pulled toward the prior and does not outrank thirty verified projects, while an entrant with a few strong projects is not sent to the bottom for being new (ranking by the lower end of the interval, still a sort buyers can choose, kept incumbents in place in the simulated market; docs/simulation.md).',
      ],
    },
    {
      id: 'weights',
      title: 'How evidence is weighted',
      paragraphs: [
        'Every item of evidence has a weight between 0 and 1; an item of weight w counts as w observations. The weight is the product of a few factors, each of them shown next to the item in the explanations.',
        `Reviewer reliability. Independent spot checks re-review a sample of every reviewer’s verdicts. A reviewer’s reliability r is their agreement rate with spot checks, starting from a prior worth ${c.reviewer.priorAgreements + c.reviewer.priorDisagreements} spot checks at ${pct(newReviewer)} for a new reviewer. A verdict weighs 2r − 1: a reviewer who agrees with spot checks at rate r behaves like one who reports the truth with probability 2r − 1 and guesses otherwise, so a coin-flipper is worth nothing (a new reviewer: ${fixed(reviewerInformativeness(newReviewer), 2)}).`,
        `Reference identity and source. A contact on the client’s own domain weighs ${c.references.identityWeight.strong}, an unknown domain ${c.references.identityWeight.unknown}, a free-mail address ${c.references.identityWeight.weak}, and a contact on the vendor’s own domain ${c.references.identityWeight.self}: self-references never count. A reference drawn at random from the vendor’s client roster weighs ${c.references.sourceWeight.drawn}; one the vendor nominated ${c.references.sourceWeight.nominated}, because vendors nominate their happiest clients.`,
        `Client-domain standing. A contact on the client’s domain is only as good as the proof that the domain is the client’s, so such a reference is further multiplied by the standing of the case study’s client domain: confirmed ${dm.confirmed}, corroborated ${dm.corroborated}, unconfirmed ${dm.unconfirmed}, suspect ${dm.suspect} (see the next section).`,
        `Recency. Evidence loses half its weight every ${days(c.recency.halfLifeDays)}, counted from the date of the fact it reports, not from when it reached Assay (see “The project’s own time”).`,
        `Integrity adjustments. A contact who vouched for other vendors too counts for less, the same person answering twice counts once, nominated answers that arrive in a burst weigh × ${c.references.burstWeight}, nominated answers of a vendor whose roster-drawn clients answer far less favourably than its nominated ones weigh × ${c.references.cherryPickingNominatedWeight} (roster cherry-picking), and verdicts by affiliated or over-concentrated reviewers weigh × ${c.reviewer.affiliatedWeight} and × ${c.reviewer.concentratedWeight} (see the flags below).`,
      ],
    },
    {
      id: 'time',
      title: 'The project’s own time',
      paragraphs: [
        'Evidence is dated by the project it is about, so that a vendor loading years of history at once does not look as if all of it happened this week, and a vendor whose later projects got worse cannot hide behind its early ones. The evidence date of a verdict on an outcome is the date the outcome was measured, else the end of the case study’s project (its start when no end is stated); of a reviewer’s handover rating and of a project’s production fate, the project’s end, the due date of the follow-up check that decided it, or the retirement date, whichever is latest; of a reference answer, the date the reference answered.',
        'A stated date after the case study was submitted is read as the submission date: a project cannot be reported before it happened. When a case study states no project date at all, its evidence falls back to the time the platform recorded it (the verdict, else the submission), as before project dates were used.',
        `Bursts are measured on project dates too: nominated reference answers count toward a burst by the date of the project they speak about, and case studies by their project’s end, so a vendor submitting its history at once is not a burst. One flag keeps the platform’s clock on purpose: “no recent verification” says when a reviewer last checked the vendor’s evidence, so it reads the verdicts’ own dates.`,
        `Declining recent evidence. Assay compares the outcomes measured in the last ${days(c.trend.recentWindowDays)} with the earlier ones: for each window, the mean share of the claimed improvement that reviewers verified, each outcome weighted by its reviewer. When each window holds at least ${c.trend.minOutcomesPerWindow} outcomes from ${c.trend.minCaseStudiesPerWindow} case studies, the recent mean is at least ${Math.round(c.trend.minDrop * 100)} points lower and the drop is at least ${c.trend.minZ} standard errors (the spread of the shares within the windows, at least a variance of ${c.trend.varianceFloor}, over the effective number of outcomes in each window), the vendor is flagged and the earlier outcomes weigh × ${c.trend.earlierWeight} in verified delivery and claim accuracy.`,
      ],
    },
    {
      id: 'client-domains',
      title: 'Client-domain standing',
      paragraphs: [
        'The client domain on a case study is whatever the vendor typed, so Assay treats it as a claim and gives it a standing, shown beside the case study to buyers, to the vendor and to reviewers, with the reason in a sentence.',
        `Confirmed (weight × ${dm.confirmed}). A buyer organisation on Assay proved the domain (a DNS TXT record, as vendors prove theirs, or a verified member address on it) and a member confirmed the case study in one click, or a member answered as a reference from their account. The organisation’s own answer is evidence of its own, at weight ${c.clientOrganization.answerWeight}: “the outcome stated is wrong” counts against verified delivery, and “we did not work with them” makes the domain suspect and opens a dispute with the vendor’s right of reply.`,
        `Corroborated (weight × ${dm.corroborated}). Independent evidence that the domain is a real, separate organisation: it appears in the rosters or references of another vendor that shares no members, reviewers or infrastructure with this one, or RDAP shows it was registered more than a year before the project.`,
        `Unconfirmed (weight × ${dm.unconfirmed}). Seen only with this vendor, with nothing for or against it. This is also the most a domain gets while its DNS could not be checked: the standing then says “not checked”, never “confirmed”.`,
        `Suspect (weight × ${dm.suspect}: no endorsement weight). Evidence that the vendor controls the domain or that it imitates another: it shares name servers, mail servers or the SOA contact with one of the vendor’s verified domains (shared providers such as Cloudflare or Google mail do not count); it has the same Unicode confusable skeleton (UTS #39) as a domain Assay knew first, or differs from it by an inserted hyphen, two swapped letters, a doubled letter or another public suffix; it was registered after the project it is named in began; or the client organisation denied the case study. Suspect outweighs everything that speaks for a domain, and raises the “suspect client domain” flag.`,
      ],
    },
    {
      id: 'explanations',
      title: 'Why a number is what it is',
      paragraphs: [
        'For every signal, Assay lists the evidence that moved it: each item with its weight, the factors of that weight, and its effect — how much the signal’s estimate would change if the item were left out. Vendors see the same list, with hints on what would improve each signal.',
      ],
    },
    {
      id: 'independence',
      title: 'What never changes a ranking',
      paragraphs: [
        'Only evidence enters a signal. A vendor’s name, the date it joined, sponsorship, advertising or any paid plan are not inputs to the computation, and ties are broken by a hash of the evidence records, not by name or age.',
      ],
    },
  ];
}

/** The methodology as structured data, with every value taken from `config`. */
export function methodology(config: SignalConfig = DEFAULT_SIGNAL_CONFIG): Methodology {
  const constants = (Object.keys(SIGNAL_CONFIG_DOCS) as ConfigPath<SignalConfig>[]).map((path) => ({
    path,
    value: configValue(config, path),
    meaning: SIGNAL_CONFIG_DOCS[path],
  }));
  return {
    version: config.version,
    title: 'How Assay computes its signals',
    summary:
      'Assay turns verified evidence — reviewers’ verdicts on claimed outcomes, structured client references and production follow-ups — into signals with honest uncertainty. This page is generated from the same configuration the scoring code uses.',
    sections: sections(config),
    signals: signalMethods(config),
    flags: flagDefinitions(config),
    constants,
  };
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Renders the methodology as Markdown (docs/methodology.md is this output). */
export function renderMethodologyMarkdown(m: Methodology): string {
  const out: string[] = [];
  out.push(`# ${m.title}`, '', `_Methodology version ${m.version}. Generated from \`methodology()\` in libs/signals — do not edit by hand._`, '', m.summary, '');
  const [reading, ...rest] = m.sections;
  for (const section of [reading, rest[0], rest[1], rest[2]]) {
    out.push(`## ${section.title}`, '', ...section.paragraphs.flatMap((p) => [p, '']));
  }
  out.push('## The signals', '');
  for (const s of m.signals) {
    out.push(`### ${s.name}`, '', `**${s.question}** Scale: ${s.scale}.`, '', s.description, '', `*Formula:* ${s.formula}`, '');
    out.push('*What would improve it:*', '', ...s.improve.map((i) => `- ${i}`), '');
  }
  out.push('## Integrity flags', '', 'Flags are shown to buyers and to the vendor. Each states its effect on the weights.', '');
  out.push('| flag | raised when | severity | effect on weights | example sentence for buyers |', '| --- | --- | --- | --- | --- |');
  for (const f of m.flags) {
    out.push(`| ${escapeCell(f.title)} | ${escapeCell(f.trigger)} | ${escapeCell(f.severity)} | ${escapeCell(f.effect)} | ${escapeCell(f.exampleSentence)} |`);
  }
  out.push('');
  for (const section of rest.slice(3)) {
    out.push(`## ${section.title}`, '', ...section.paragraphs.flatMap((p) => [p, '']));
  }
  out.push('## Every constant', '', '| constant | value | meaning |', '| --- | --- | --- |');
  for (const c of m.constants) out.push(`| \`${c.path}\` | ${c.value} | ${escapeCell(c.meaning)} |`);
  out.push('');
  return out.join('\n');
}
