import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { VerdictDetailFragment } from '../../../gql/graphql';
import { verdictStatus } from '../../../ui/labels';
import { VerdictStatusBadge, VerdictSummary, type ClaimLabel } from './VerdictSummary';

/** Shown in place of the form once the verdict is recorded: the resulting status and the findings. */
export function VerdictRecorded({ verdict, claims }: { verdict: VerdictDetailFragment; claims: readonly ClaimLabel[] }) {
  const status = verdictStatus(verdict.status);
  const spotCheck = verdict.kind === 'spot_check';
  return (
    <Stack gap="md">
      <Alert role="status" color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Verdict recorded">
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm">{spotCheck ? 'Your spot check found:' : 'The case study is now:'}</Text>
            <VerdictStatusBadge status={verdict.status} />
          </Group>
          <Text size="sm">
            {status.description}{' '}
            {spotCheck
              ? 'Spot checks are internal: they measure how often reviewers agree.'
              : 'The consultancy can reply to it, and dispute it within 30 days.'}
          </Text>
        </Stack>
      </Alert>
      <VerdictSummary verdict={verdict} claims={claims} />
      <Group>
        <Button component={Link} to="/review" variant="default">
          Back to the queue
        </Button>
      </Group>
    </Stack>
  );
}
