import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { CaseStudyRevisionsQuery } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { CaseStudyStatusBadge } from './CaseStudyStatusBadge';

type Revision = CaseStudyRevisionsQuery['caseStudyRevisions'][number];

/** Every revision of the case study, oldest first, each linking to its own page. */
export function RevisionHistory({ revisions, currentId }: { revisions: readonly Revision[]; currentId: string }) {
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {revisions.map((r) => {
        const current = r.id === currentId;
        const when = r.withdrawnAt
          ? `Withdrawn ${formatDate(r.withdrawnAt)}`
          : r.submittedAt
            ? `Submitted ${formatDate(r.submittedAt)}`
            : `Started ${formatDate(r.createdAt)}`;
        return (
          <Group component="li" key={r.id} gap="sm" wrap="wrap" aria-current={current ? 'page' : undefined}>
            {current ? (
              <Text fw={700}>Revision {r.revision}</Text>
            ) : (
              <Anchor component={Link} to={`/case-studies/${r.id}`} fw={600}>
                Revision {r.revision}
              </Anchor>
            )}
            <CaseStudyStatusBadge status={r.status} />
            {r.supersededAt && (
              <Badge variant="outline" color="gray" tt="none" fw={500}>
                Replaced {formatDate(r.supersededAt)}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {when}
              {current ? ' · you are viewing this one' : ''}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
