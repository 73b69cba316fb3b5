import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { CaseStudyQuery } from '../../../../gql/graphql';
import type { ErrorDescription } from '../../../../ui/errors/describe-error';
import { plural } from '../../../../ui/format';
import { CaseStudySummary } from '../CaseStudySummary';
import { ReferenceList } from '../ReferenceList';
import { SubmitProblems } from '../SubmitProblems';

interface ReviewStepProps {
  caseStudy: CaseStudyQuery['caseStudy'];
  submitError: ErrorDescription | null;
}

/** Step 6: the saved draft as reviewers will see it, and what happens on submission. */
export function ReviewStep({ caseStudy, submitError }: ReviewStepProps) {
  const references = caseStudy.references ?? [];
  const usable = references.filter((r) => r.status !== 'refused');
  return (
    <Stack gap="xl">
      {submitError && <SubmitProblems error={submitError} stepHref={(step) => `/case-studies/${caseStudy.id}/edit?step=${step + 1}`} />}
      <CaseStudySummary cs={caseStudy} headingLevel={3} />
      <Stack gap="sm" component="section" aria-labelledby="review-references-title">
        <Title order={3} id="review-references-title">
          References
        </Title>
        <Text size="sm" c="dimmed">
          {plural(usable.length, 'usable nomination', 'usable nominations')}
          {references.length > usable.length ? `, ${references.length - usable.length} refused` : ''}. Assay adds its own random
          draws from your roster when you submit.
        </Text>
        {references.length > 0 && <ReferenceList references={references} />}
      </Stack>
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="After you submit">
        The case study can no longer change: reviewers verify exactly these claims. To correct it later, start a revision; the
        earlier one stays on record.
      </Alert>
    </Stack>
  );
}
