import { Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { VendorDomainStatus, VendorDomainsQuery } from '../../../gql/graphql';
import { describeError } from '../../../ui/errors/describe-error';
import { formatDate } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { addVendorDomainMutation } from '../graphql/add-vendor-domain.mutation';
import { removeVendorDomainMutation } from '../graphql/remove-vendor-domain.mutation';
import { ConfirmButton } from './ConfirmButton';
import { refetchAfter } from '../../../app/refetch-policy';

type Domain = VendorDomainsQuery['vendorDomains'][number];

const STATUS: Record<VendorDomainStatus, { label: string; color: string }> = {
  verified: { label: 'Verified', color: 'teal' },
  pending: { label: 'Pending', color: 'yellow' },
  expired: { label: 'Link expired', color: 'gray' },
};

function StatusBadge({ status }: { status: VendorDomainStatus }) {
  const { label, color } = STATUS[status];
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

function statusDetail(domain: Domain): string {
  if (domain.status === 'verified') return `Verified ${formatDate(domain.verifiedAt)}`;
  if (domain.status === 'pending') return `Link sent to ${domain.verificationEmail}, valid until ${formatDate(domain.linkExpiresAt)}`;
  return `The link sent to ${domain.verificationEmail} expired unused`;
}

/** The vendor's domains with their status; pending and expired ones can be re-sent or removed. */
export function DomainsTable({ vendorId, domains }: { vendorId: string; domains: Domain[] }) {
  const [removeDomain] = useMutation(removeVendorDomainMutation, refetchAfter('removeVendorDomain', { vendorId }));
  const [resend, { loading: resending }] = useMutation(addVendorDomainMutation, refetchAfter('addVendorDomain', { vendorId }));

  const remove = async (domain: Domain) => {
    try {
      await removeDomain({ variables: { input: { id: domain.id } } });
      notifications.show({ color: 'teal', title: 'Domain removed', message: `${domain.domain} is no longer claimed.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not remove the domain', message: describeError(error).message });
    }
  };
  const sendAgain = async (domain: Domain) => {
    try {
      await resend({ variables: { input: { vendorId, email: domain.verificationEmail } } });
      notifications.show({ color: 'teal', title: 'New link sent', message: `We emailed a new link to ${domain.verificationEmail}; the old one no longer works.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not send a new link', message: describeError(error).message });
    }
  };

  return (
    <TableScroll label="Email domains table" minWidth={600}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={170}>
              Domain
            </Table.Th>
            <Table.Th scope="col" miw={120}>
              Status
            </Table.Th>
            <Table.Th scope="col">Details</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {domains.map((domain) => (
            <Table.Tr key={domain.id}>
              <Table.Td>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {domain.domain}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={domain.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {statusDetail(domain)}
                </Text>
              </Table.Td>
              <Table.Td>
                {domain.status === 'verified' ? (
                  <Tooltip label="Verified domains stay on record, so references at them are recognised as your own. Contact Assay support to remove one." multiline w={260}>
                    <Text size="xs" c="dimmed" tabIndex={0}>
                      Kept on record
                    </Text>
                  </Tooltip>
                ) : (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" loading={resending} onClick={() => void sendAgain(domain)} aria-label={`Send a new link for ${domain.domain}`}>
                      Send new link
                    </Button>
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${domain.domain}`}
                      question={`Remove ${domain.domain}? Its verification link stops working.`}
                      confirmLabel="Remove"
                      onConfirm={() => remove(domain)}
                    >
                      Remove
                    </ConfirmButton>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
