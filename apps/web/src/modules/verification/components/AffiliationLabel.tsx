import { Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { affiliatedOrganizationQuery } from '../graphql/affiliated-organization.query';

/** What an affiliation is with: the domain, or the consultancy's name (looked up), or the organization's id. */
export function AffiliationLabel({ affiliation }: { affiliation: { organizationId?: string | null; domain?: string | null } }) {
  if (affiliation.domain) return <>Email domain {affiliation.domain}</>;
  if (affiliation.organizationId) return <OrganizationName id={affiliation.organizationId} />;
  return <>Unspecified</>;
}

function OrganizationName({ id }: { id: string }) {
  const { data, error } = useQuery(affiliatedOrganizationQuery, { variables: { vendorId: id } });
  if (data) return <>{data.vendorProfile.name}</>;
  // Buyer organizations have no public profile; their id is all there is to show.
  return (
    <>
      Organization{' '}
      <Text span ff="monospace" size="sm">
        {error ? id : '…'}
      </Text>
    </>
  );
}
