import { authorize } from '../../common/authz/authorize';
import { Injectable } from '@nestjs/common';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesRepository, type CaseStudyWithVendor } from '../case-studies/case-studies.repository';
import { ClientDomainStandingService } from '../identity/client-domain-standing.service';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { submissionGaps } from '../case-studies/case-study.rules';
import { ReferenceChecksService } from '../references/reference-checks.service';
import { ReferencesService } from '../references/references.service';
import { TaskAssignmentService } from '../verification/task-assignment.service';

/**
 * Sending a draft for verification: the one use case that spans case studies, references and
 * the review queue, so it lives above all three (none of them imports another's services for it).
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly caseStudies: CaseStudiesService,
    private readonly references: ReferencesService,
    private readonly referenceChecks: ReferenceChecksService,
    private readonly assignment: TaskAssignmentService,
    private readonly caseStudyRows: CaseStudiesRepository,
    private readonly standings: ClientDomainStandingService,
  ) {}

  /** Checks the draft, sends its reference requests, offers its verification task to a drawn reviewer and marks it submitted, atomically. */
  async submit(ctx: RequestContext, id: string): Promise<CaseStudyWithVendor> {
    // Buyers and reviewers rely on a submission: only a confirmed account may make one.
    await authorize(ctx, 'confirmedEmail');
    const submitted = await this.tx.run(ctx, async (tx) => {
      const cs = await this.caseStudies.lockOwned(tx, id);
      this.caseStudies.assertTransition(cs, { type: 'submit' });
      const gaps = submissionGaps({ ...cs, outcomeCount: cs.outcomes.length });
      if (gaps.length) throw badInput(`This draft is not ready to submit: ${gaps.map((g) => g.message.replace(/\.$/, '').toLowerCase()).join('; ')}.`, gaps, 'CASE_STUDY_INCOMPLETE');
      const references = await this.references.prepareForSubmission(tx, cs);
      await this.referenceChecks.sendRequests(tx, cs, references);
      await this.assignment.createPrimary(tx, cs.id);
      return this.caseStudies.markSubmitted(tx, cs);
    });
    // After the commit: DNS and RDAP may take seconds and must not hold the transaction.
    // A failure leaves the standing "not assessed yet"; the submission stands.
    if (ctx.manager) return submitted;
    const assessed = await this.standings.refresh(ctx, id);
    // The new claim is a fact about other case studies too: it can corroborate the same domain, or expose an earlier look-alike.
    await this.standings.queueRelated(ctx, submitted.clientDomain, id);
    return assessed ? ((await this.caseStudyRows.findById(ctx, id)) ?? submitted) : submitted;
  }
}
