import { Injectable } from '@nestjs/common';
import { anonymityFlagOpen, canFlagAnonymityLeak, type PublicTextField } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { conflict, forbidden, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesRepository } from '../case-studies/case-studies.repository';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { AnonymityLeakFlagEntity } from './entities/anonymity-leak-flag.entity';
import { ReviewersService } from './reviewers.service';
import { VerificationTasksRepository } from './verification-tasks.repository';

export const flagAnonymityLeakSchema = z.object({
  taskId: z.uuid({ error: 'This task does not exist.' }),
  fields: z
    .array(z.enum(['title', 'problem', 'approach'], { error: 'Name the place: the title, the problem or the approach.' }))
    .min(1, 'Say where the client is named: the title, the problem or the approach.')
    .max(3)
    .transform((fields) => [...new Set(fields)]),
  note: z.string().trim().min(3, 'Say in a few words what names the client.').max(1000, 'At most 1,000 characters.'),
});

export interface AnonymityFlagView {
  flag: AnonymityLeakFlagEntity;
  /** Open while the flagged revision is the current one (anonymityFlagOpen). */
  open: boolean;
}

/**
 * Reviewers' reports that an anonymised case study names its client. Nothing here changes the
 * evidence behind a vendor's signals, so no evidence event is recorded: the leak is about what
 * buyers may read, not about what was delivered.
 */
@Injectable()
export class AnonymityFlagsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly tasks: VerificationTasksRepository,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly caseStudyAccess: CaseStudiesService,
    private readonly reviewers: ReviewersService,
  ) {}

  /** The task's holder flags where the case study names its client; one flag per task. */
  async flag(ctx: RequestContext, input: unknown): Promise<AnonymityFlagView> {
    const data = parseInput(flagAnonymityLeakSchema, input);
    const reviewer = await this.reviewers.requireAccredited(ctx);
    return this.tx.run(ctx, async (tx) => {
      const task = await this.tasks.findById(tx, data.taskId);
      if (!task) throw notFound('This task');
      const cs = await this.caseStudies.findById(tx, task.caseStudyId);
      if (!cs) throw notFound('This case study');
      const rule = canFlagAnonymityLeak(reviewer.id, task, cs);
      if (!rule.ok) throw rule.code === 'CASE_STUDY_NOT_ANONYMISED' ? conflict(rule.message, rule.code) : forbidden(rule.message, rule.code);
      const repo = this.tx.repo(tx, AnonymityLeakFlagEntity);
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values({ caseStudyId: cs.id, taskId: task.id, reviewerId: reviewer.id, fields: data.fields as PublicTextField[], note: data.note })
        .orIgnore()
        .returning('*')
        .execute();
      if (!inserted.raw.length) throw conflict('You have already flagged this task; the vendor sees your flag.', 'ALREADY_FLAGGED');
      const flag = await repo.findOneByOrFail({ taskId: task.id });
      return { flag, open: anonymityFlagOpen(cs) };
    });
  }

  /** The flags on a case study, for the vendor's members and admins (others: FORBIDDEN; unknown: NOT_FOUND). */
  async forCaseStudy(ctx: RequestContext, caseStudyId: string): Promise<AnonymityFlagView[]> {
    const { cs, access } = await this.caseStudyAccess.get(ctx, caseStudyId);
    if (access !== 'owner' && access !== 'admin') await authorize(ctx, 'anonymityFlagReader', cs);
    const flags = await this.tx.repo(ctx, AnonymityLeakFlagEntity).find({ where: { caseStudyId: cs.id }, order: { createdAt: 'ASC' } });
    return flags.map((flag) => ({ flag, open: anonymityFlagOpen(cs) }));
  }
}
