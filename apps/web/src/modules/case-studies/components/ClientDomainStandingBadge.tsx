import { Badge, Text, Tooltip } from '@mantine/core';
import type { ClientDomainStanding } from '../../../gql/graphql';

const LOOK: Record<ClientDomainStanding, { label: string; color: string }> = {
  confirmed: { label: 'Client confirmed', color: 'teal' },
  corroborated: { label: 'Client corroborated', color: 'blue' },
  unconfirmed: { label: 'Client unconfirmed', color: 'gray' },
  suspect: { label: 'Client domain suspect', color: 'red' },
};

/** The standing of a case study's client domain, with its reason beside it (the methodology page explains each standing). */
export function ClientDomainStandingBadge({ standing }: { standing: { standing: ClientDomainStanding; reason: string; dnsChecked: boolean } }) {
  const look = LOOK[standing.standing];
  return (
    <>
      <Tooltip label={standing.reason} multiline w={320}>
        <Badge variant="light" color={look.color} tt="none" fw={500} tabIndex={0}>
          {look.label}
          {standing.dnsChecked ? '' : ' (not checked)'}
        </Badge>
      </Tooltip>
      <Text span size="xs" c="dimmed" display="block">
        {standing.reason}
      </Text>
    </>
  );
}
