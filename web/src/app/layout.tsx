import {
  AppShell,
  Box,
  Burger,
  Container,
  Drawer,
  Group,
  Menu,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminMenu, DrawerAccountLinks, UserMenu } from '../features/accounts/user-menu';
import { HeaderSearch } from '../features/search/header-search';
import { type Language, toLanguage } from '../lib/i18n';
import classes from './layout.module.css';

const navItems = [
  { to: '/', key: 'nav.programmes', isActive: (path: string) => path === '/' || path.startsWith('/programmes') },
  { to: '/projects', key: 'nav.projects', isActive: (path: string) => path.startsWith('/projects') },
  { to: '/grants', key: 'nav.grants', isActive: (path: string) => path.startsWith('/grants') },
  {
    to: '/calls',
    key: 'nav.calls',
    isActive: (path: string) => path.startsWith('/calls') || path.startsWith('/applications'),
  },
  { to: '/challenges', key: 'challenges.nav', isActive: (path: string) => path.startsWith('/challenges') },
  {
    to: '/organisations',
    key: 'nav.organisations',
    isActive: (path: string) => path.startsWith('/organisations'),
  },
  { to: '/matching', key: 'matching.nav', isActive: (path: string) => path.startsWith('/matching') },
  { to: '/map', key: 'nav.map', isActive: (path: string) => path.startsWith('/map') },
  { to: '/partnerships', key: 'nav.partnerships', isActive: (path: string) => path.startsWith('/partnerships') },
  { to: '/people', key: 'nav.people', isActive: (path: string) => path.startsWith('/people') },
  { to: '/networks', key: 'nav.networks', isActive: (path: string) => path.startsWith('/networks') },
  { to: '/open-data', key: 'openData.nav', isActive: (path: string) => path.startsWith('/open-data') },
  { to: '/about', key: 'nav.about', isActive: (path: string) => path.startsWith('/about') },
] as const;

/** On wide screens the last items (networks, open data, about) sit in a "Mehr" menu, so the row fits 1366 px in every language. */
const inRow = navItems.length - 3;

function MoreMenu({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const items = navItems.slice(inRow);
  const active = items.some((item) => item.isActive(pathname));
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.navLink} data-active={active || undefined}>
          {t('nav.more')}{' '}
          <span aria-hidden="true" style={{ fontSize: '0.75em' }}>
            ▾
          </span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item key={item.to} component={Link} to={item.to}>
            {t(item.key)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={toLanguage(i18n.resolvedLanguage)}
      onChange={(value) => void i18n.changeLanguage(value as Language)}
      data={[
        { value: 'de', label: <span title={t('app.languageNames.de')}>DE</span> },
        { value: 'en', label: <span title={t('app.languageNames.en')}>EN</span> },
        // Italian under its own name in every interface language, so partners in Piemonte find it.
        {
          value: 'it',
          label: (
            <span title="Italiano" lang="it">
              IT
            </span>
          ),
        },
      ]}
    />
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // Close the mobile navigation after a navigation.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  return (
    // Wide screens: brand, search and account in the first row, the navigation in a second row below.
    <AppShell header={{ height: { base: 60, lg: 104 } }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h={60} justify="space-between" wrap="nowrap" gap="md">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="lg" size="sm" aria-label={t('app.openNavigation')} />
              <UnstyledButton component={Link} to="/" className={classes.brand}>
                <span className={classes.brandMark} aria-hidden="true" />
                <Stack gap={0}>
                  <Text fw={700} size="lg" lh={1.1}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.1} visibleFrom="md">
                    {t('app.tagline')}
                  </Text>
                </Stack>
              </UnstyledButton>
            </Group>
            <Group gap="lg" wrap="nowrap">
              <Box visibleFrom="sm">
                <HeaderSearch width={320} />
              </Box>
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
          <Box component="nav" aria-label={t('app.mainNavigation')} visibleFrom="lg" h={44}>
            <Group gap={4} wrap="nowrap">
              {navItems.slice(0, inRow).map((item) => (
                <Link
                  key={item.to}
                  to={item.to}
                  className={classes.navLink}
                  data-active={item.isActive(pathname) || undefined}
                  aria-current={item.isActive(pathname) ? 'page' : undefined}
                >
                  {t(item.key)}
                </Link>
              ))}
              <MoreMenu pathname={pathname} />
              <AdminMenu className={classes.navLink} isActive={pathname.startsWith('/admin')} />
            </Group>
          </Box>
        </Container>
      </AppShell.Header>

      {/* Smaller screens: the navigation moves into a drawer, rendered only while open so it is never a second landmark. */}
      <Drawer opened={opened} onClose={close} size={280} title={t('app.name')} hiddenFrom="lg">
        <Box hiddenFrom="sm" mb="md">
          <HeaderSearch width="100%" />
        </Box>
        <nav aria-label={t('app.mainNavigation')}>
          {navItems.map((item) => (
            <NavLink key={item.to} component={Link} to={item.to} label={t(item.key)} active={item.isActive(pathname)} />
          ))}
          <DrawerAccountLinks pathname={pathname} />
        </nav>
      </Drawer>

      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="xl" pb="xl">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
