import { ScrollRestoration } from 'react-router-dom';
import { AppLayout, type NavItem } from '../ui/AppLayout';
import { HeaderAccountActions, MobileAccountActions } from '../modules/accounts/components/AccountActions';
import { useCurrentUser } from '../modules/accounts/hooks/use-current-user';

/** The shared layout, filled with what the current user may reach. */
export function AppFrame() {
  const { me, isAdmin } = useCurrentUser();
  const nav: NavItem[] = [{ to: '/consultancies', label: 'Consultancies' }];
  if (me) nav.push({ to: '/organizations', label: 'Organizations' });
  if (isAdmin) nav.push({ to: '/admin/outbox', label: 'Mail outbox' });
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
