import { Anchor, Stack } from '@mantine/core';
import { IconReceiptOff } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { VerificationReceipt } from '../components/VerificationReceipt';

/** `/receipts/:caseStudyId`: a case study's verification receipt on its own, to link to and check. */
export function ReceiptPage() {
  const { caseStudyId = '' } = useParams();
  return (
    <>
      <PageHeader
        title="Verification receipt"
        description="Where a case study’s verdict sits in Assay’s public, append-only verification log, checked in your browser."
        eyebrow={
          <Anchor component={Link} to={`/case-studies/${caseStudyId}`} size="sm">
            Back to the case study
          </Anchor>
        }
      />
      <Stack maw={760}>
        <VerificationReceipt
          caseStudyId={caseStudyId}
          title="This verdict in the log"
          none={<EmptyMessage icon={<IconReceiptOff aria-hidden />} title="No receipt yet" description="This case study has no verdict in the log yet. A receipt appears once an independent reviewer records one." />}
        />
      </Stack>
    </>
  );
}
