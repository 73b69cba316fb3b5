import { Suspense } from 'react';
import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { IconAddressBook, IconArrowLeft, IconId, IconLock, IconWorldCheck } from '@tabler/icons-react';
import { Link, NavLink, Outlet, useParams } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { LoadingSkeleton } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import type { VendorDashboardContext } from '../hooks/use-vendor-dashboard';
import classes from './VendorDashboardLayout.module.css';

const SECTIONS = [
  { path: 'profile', label: 'Profile', icon: IconId },
  { path: 'domains', label: 'Email domains', icon: IconWorldCheck },
  { path: 'roster', label: 'Client roster', icon: IconAddressBook },
] as const;

/** `/vendor/:orgId/*`: the vendor's own area, for its members; one section per route. */
export function VendorDashboardLayout() {
  return <RequireSignIn>{(me) => <Dashboard me={me} />}</RequireSignIn>;
}

function Dashboard({ me }: { me: CurrentUser }) {
  const { orgId = '' } = useParams();
  const membership = me.memberships.find((m) => m.organization.id === orgId && m.organization.kind === 'vendor');

  if (!membership) {
    return (
      <>
        <PageHeader title="Vendor dashboard" />
        <EmptyMessage
          icon={<IconLock aria-hidden />}
          title="You cannot open this vendor dashboard"
          description="It belongs to a consultancy you are not a member of, or the link is wrong. Ask an owner of the consultancy to invite you."
          actions={
            <Button component={Link} to="/organizations" variant="default">
              Your organizations
            </Button>
          }
        />
      </>
    );
  }

  const vendor = { id: membership.organization.id, name: membership.organization.name };
  const context: VendorDashboardContext = { me, vendor, role: membership.role };
  return (
    <>
      <PageHeader
        title={vendor.name}
        eyebrow={
          <Group gap="sm">
            <Anchor component={Link} to={`/organizations/${vendor.id}`} size="sm">
              <Group gap={4} component="span">
                <IconArrowLeft size={14} aria-hidden />
                Organization and members
              </Group>
            </Anchor>
            <Badge variant="light">Vendor dashboard</Badge>
          </Group>
        }
        description="Keep your public profile current, prove which email domains are yours, and disclose the clients Assay may ask for references."
      />
      <Stack gap="xl">
        <Group component="nav" aria-label="Vendor dashboard" gap={4} className={classes.sections}>
          {SECTIONS.map(({ path, label, icon: Icon }) => (
            <NavLink key={path} to={`/vendor/${vendor.id}/${path}`} className={classes.section}>
              <Icon size={18} aria-hidden />
              {label}
            </NavLink>
          ))}
        </Group>
        <Suspense fallback={<LoadingSkeleton />}>
          <Outlet context={context} />
        </Suspense>
      </Stack>
    </>
  );
}
