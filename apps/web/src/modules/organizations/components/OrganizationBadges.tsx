import { Badge, Group } from '@mantine/core';
import type { MembershipRole, OrganizationKind } from '../../../gql/graphql';
import { KIND_LABELS, ROLE_LABELS } from './labels';

export function OrganizationBadges({ kind, role }: { kind: OrganizationKind; role?: MembershipRole }) {
  return (
    <Group gap={6}>
      <Badge variant="light" color={kind === 'vendor' ? 'indigo' : 'teal'}>
        {KIND_LABELS[kind]}
      </Badge>
      {role && (
        <Badge variant="outline" color="gray">
          {ROLE_LABELS[role]}
        </Badge>
      )}
    </Group>
  );
}
