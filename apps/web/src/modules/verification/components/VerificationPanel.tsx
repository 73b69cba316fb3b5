import { Anchor, Card, Divider, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../accounts/hooks/use-current-user';
import { verificationTimelineQuery } from '../graphql/verification-timeline.query';
import { RequireSpotCheckButton } from './RequireSpotCheckButton';
import { VerificationTimeline } from './VerificationTimeline';

/**
 * The side card of a case study's page: its verification timeline, and for admins
 * "Require spot check" once there is a verdict to check.
 */
export function VerificationPanel({ caseStudyId }: { caseStudyId: string }) {
  const { isAdmin } = useCurrentUser();
  const { data } = useQuery(verificationTimelineQuery, { variables: { id: caseStudyId } });
  const hasVerdict = !!data?.caseStudyVerdicts.some((v) => v.kind !== 'spot_check');
  return (
    <Card>
      <Stack gap="md">
        <VerificationTimeline caseStudyId={caseStudyId} />
        {isAdmin && hasVerdict && (
          <>
            <Divider />
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Admin
              </Text>
              <RequireSpotCheckButton caseStudyId={caseStudyId} />
              <Anchor component={Link} to={`/admin/case-studies/${caseStudyId}/spot-check`} size="sm">
                All verdicts, including spot checks
              </Anchor>
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}
