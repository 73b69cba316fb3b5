import { Badge, Stack, Text } from '@mantine/core';
import type { CaseStudyStatus } from '../../../gql/graphql';
import { CASE_STUDY_STATUS } from '../../../ui/labels';

/** The status as a badge, optionally with what it means in a sentence. */
export function CaseStudyStatusBadge({ status, withDescription = false }: { status: CaseStudyStatus; withDescription?: boolean }) {
  const info = CASE_STUDY_STATUS[status];
  const badge = (
    <Badge color={info.color} variant="light" tt="none" fw={600}>
      {info.label}
    </Badge>
  );
  if (!withDescription) return badge;
  return (
    <Stack gap={4} align="flex-start">
      {badge}
      <Text size="sm" c="dimmed">
        {info.description}
      </Text>
    </Stack>
  );
}
