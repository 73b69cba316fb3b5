import { Button, Divider, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { safeNextPath } from '../hooks/safe-next';
import { useCurrentUser, type CurrentUser } from '../hooks/use-current-user';
import { useSignOut } from '../hooks/use-sign-out';

/** Where "Sign in" from the header should bring the user back to. */
function useReturnPath(): string {
  const location = useLocation();
  const here = location.pathname + location.search;
  if (location.pathname === '/sign-in' || location.pathname === '/sign-up') {
    return safeNextPath(new URLSearchParams(location.search).get('next'), '');
  }
  return location.pathname === '/' ? '' : here;
}

function SignedOutActions({ stacked = false, onNavigate }: { stacked?: boolean; onNavigate?: () => void }) {
  const next = useReturnPath();
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  const buttons = (
    <>
      <Button component={Link} to={`/sign-in${query}`} variant="default" onClick={onNavigate} fullWidth={stacked}>
        Sign in
      </Button>
      <Button component={Link} to={`/sign-up${query}`} onClick={onNavigate} fullWidth={stacked}>
        Sign up
      </Button>
    </>
  );
  return stacked ? <Stack gap="sm">{buttons}</Stack> : <Group gap="sm">{buttons}</Group>;
}

function AccountPanel({ me, onNavigate }: { me: CurrentUser; onNavigate?: () => void }) {
  const { signOut, signingOut } = useSignOut();
  return (
    <Stack gap="xs">
      <div>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {me.displayName}
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {me.email}
        </Text>
      </div>
      <Divider />
      <Button
        variant="default"
        justify="flex-start"
        leftSection={<IconLogout size={18} aria-hidden />}
        loading={signingOut}
        onClick={() => {
          onNavigate?.();
          void signOut();
        }}
      >
        Sign out
      </Button>
    </Stack>
  );
}

/** Header: "Sign in"/"Sign up" links, or the account menu holding the "Sign out" button. */
export function HeaderAccountActions() {
  const { me, loading } = useCurrentUser();
  const [opened, popover] = useDisclosure(false);
  if (loading) return null;
  if (!me) return <SignedOutActions />;
  return (
    <Popover opened={opened} onChange={popover.set} position="bottom-end" width={260} shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <UnstyledButton
          onClick={popover.toggle}
          aria-label={`Account menu for ${me.displayName}`}
          aria-haspopup="dialog"
          aria-expanded={opened}
          style={{ borderRadius: 'var(--mantine-radius-md)', padding: '4px 8px' }}
        >
          <Group gap={8} wrap="nowrap">
            <IconUserCircle size={26} stroke={1.5} aria-hidden color="var(--mantine-color-indigo-8)" />
            <Text size="sm" fw={500} maw={160} truncate>
              {me.displayName}
            </Text>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown aria-label="Account">
        <AccountPanel me={me} onNavigate={popover.close} />
      </Popover.Dropdown>
    </Popover>
  );
}

/** The same actions inside the mobile menu drawer. */
export function MobileAccountActions({ close }: { close: () => void }) {
  const { me, loading } = useCurrentUser();
  if (loading) return null;
  if (!me) return <SignedOutActions stacked onNavigate={close} />;
  return <AccountPanel me={me} onNavigate={close} />;
}
