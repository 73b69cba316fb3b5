import { Suspense, useEffect, type ReactNode } from 'react';
import { Anchor, AppShell, Burger, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { LoadingSkeleton } from './QueryState';
import classes from './AppLayout.module.css';

/** The logo: an "A" drawn as a path, so the link's only text is "Assay". */
function BrandMark() {
  return (
    <svg className={classes.brandMark} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M9 23 16 8l7 15M11.8 17.5h8.4" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export interface NavItem {
  to: string;
  label: string;
}

interface AppLayoutProps {
  nav: NavItem[];
  /** Right side of the header on wide screens (sign-in links or the user menu). */
  headerActions: ReactNode;
  /** The same actions inside the mobile menu; `close` closes the menu. */
  mobileActions: (close: () => void) => ReactNode;
}

/** Header with navigation (a burger menu on phones), the routed page, and a footer. */
export function AppLayout({ nav, headerActions, mobileActions }: AppLayoutProps) {
  const [menuOpened, menu] = useDisclosure(false);
  const location = useLocation();

  // Leaving the page closes the mobile menu.
  useEffect(() => {
    menu.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on navigation
  }, [location.pathname]);

  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <a href="#main-content" className={classes.skipLink}>
        Skip to content
      </a>
      <AppShell.Header>
        <Container size="lg" px={{ base: 'md', sm: 'lg' }} className={classes.header}>
          <Link to="/" className={classes.brand}>
            <BrandMark />
            Assay
          </Link>
          <Group component="nav" aria-label="Main" gap={4} visibleFrom="sm" style={{ flex: 1 }}>
            {nav.map((item) => (
              <NavLink key={item.to} to={item.to} className={classes.navLink}>
                {item.label}
              </NavLink>
            ))}
          </Group>
          <Group gap="sm" visibleFrom="sm">
            {headerActions}
          </Group>
          <Group hiddenFrom="sm" style={{ marginLeft: 'auto' }}>
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              size="sm"
              aria-label={menuOpened ? 'Close menu' : 'Open menu'}
              aria-expanded={menuOpened}
              aria-controls="mobile-menu"
            />
          </Group>
        </Container>
      </AppShell.Header>

      {/* Compound API so the drawer's header is a plain div, not a second "banner" landmark. */}
      <Drawer.Root id="mobile-menu" opened={menuOpened} onClose={menu.close} position="right" size="min(320px, 85vw)" hiddenFrom="sm">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title>Menu</Drawer.Title>
            <Drawer.CloseButton aria-label="Close menu" />
          </Drawer.Header>
          <Drawer.Body>
            <Stack gap="lg">
              <Stack component="nav" aria-label="Main" gap={2}>
                {nav.map((item) => (
                  <NavLink key={item.to} to={item.to} className={classes.mobileNavLink}>
                    {item.label}
                  </NavLink>
                ))}
              </Stack>
              {mobileActions(menu.close)}
            </Stack>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>

      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Container size="lg" py={{ base: 'lg', sm: 'xl' }} px={{ base: 'md', sm: 'lg' }} className={classes.content}>
          <Suspense fallback={<LoadingSkeleton />}>
            <Outlet />
          </Suspense>
        </Container>
        <footer className={classes.footer}>
          <Container size="lg" px={{ base: 'md', sm: 'lg' }}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed">
                Assay — choose ML consultancies by what they verifiably delivered.
              </Text>
              <Group component="nav" aria-label="Footer" gap="md">
                <Anchor component={Link} to="/methodology" size="sm">
                  Methodology
                </Anchor>
              </Group>
            </Group>
          </Container>
        </footer>
      </AppShell.Main>
    </AppShell>
  );
}
