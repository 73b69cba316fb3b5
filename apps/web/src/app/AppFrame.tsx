import { ScrollRestoration } from 'react-router-dom';
import { AppLayout, type NavItem } from '../ui/AppLayout';
import { HeaderAccountActions, MobileAccountActions } from '../modules/accounts/components/AccountActions';
import { useCurrentUser } from '../modules/accounts/hooks/use-current-user';

/** The shared layout, filled with what the current user may reach. */
export function AppFrame() {
  const { me, isAdmin } = useCurrentUser();
  const nav: NavItem[] = [{ to: '/consultancies', label: 'Consultancies' }];
  if (me) nav.push({ to: '/organizations', label: 'Organizations' });
  if (me?.memberships.some((m) => m.organization.kind === 'buyer')) nav.push({ to: '/shortlists', label: 'Shortlists' });
  if (me?.memberships.some((m) => m.organization.kind === 'vendor')) nav.push({ to: '/vendor', label: 'Vendor dashboard' });
  const vendor = me?.memberships.find((m) => m.organization.kind === 'vendor');
  if (vendor) nav.push({ to: `/vendor/${vendor.organization.id}/case-studies`, label: 'Case studies' });
  if (vendor) nav.push({ to: `/vendor/${vendor.organization.id}/signals`, label: 'Signals' });
  // Admins do not take tasks (they are offered to accredited reviewers); they follow them on /admin/tasks.
  if (me?.platformRoles.includes('reviewer')) nav.push({ to: '/review', label: 'Review' });
  if (isAdmin) nav.push({ to: '/admin/outbox', label: 'Mail outbox' }, { to: '/admin/signals', label: 'Signals pipeline' });
  if (isAdmin) nav.push({ to: '/admin/reviewers', label: 'Reviewers' }, { to: '/admin/tasks', label: 'Tasks' }, { to: '/admin/disputes', label: 'Disputes' });
  return (
    <>
      <AppLayout
        nav={nav}
        headerActions={<HeaderAccountActions />}
        mobileActions={(close) => <MobileAccountActions close={close} />}
      />
      {/* New pages start at the top; Back restores where you were. */}
      <ScrollRestoration />
    </>
  );
}
