import { Stack, Text } from '@mantine/core';
import { EvidenceUploader } from '../../../evidence/components/EvidenceUploader';

/** Step 4: documents, links and metric exports a reviewer can check the claims against (the evidence module's uploader). */
export function EvidenceStep({ caseStudyId }: { caseStudyId: string }) {
  return (
    <Stack gap="md">
      <Text size="sm">
        Reviewers check your claimed outcomes against this evidence: evaluation reports, dashboards exported as PDF, PNG or CSV,
        A/B test read-outs. Only your team, the assigned reviewer and Assay admins can open it; buyers never see the files.
      </Text>
      <EvidenceUploader caseStudyId={caseStudyId} />
    </Stack>
  );
}
