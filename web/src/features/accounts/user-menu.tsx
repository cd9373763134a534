import { Avatar, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/links';
import { useMe, useSignOut } from './accounts.api';
import { canImportGrants, isAdmin } from './permissions';

const adminItems = [
  { to: '/admin/users', key: 'nav.users' },
  { to: '/admin/audit', key: 'nav.audit' },
] as const;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

const authPages = ['/login', '/forgot-password', '/reset-password'];

/** The page to come back to after signing in (none from the home page). */
function useReturnTo(): string | undefined {
  const href = useRouterState({ select: (state) => state.location.href });
  return href === '/' ? undefined : href;
}

function SignOutItem() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Menu.Item color="red" onClick={() => signOut.mutate()}>
      {t('nav.signOut')}
    </Menu.Item>
  );
}

/** "Anmelden" for visitors; the person's menu (Mein Konto, Abmelden) once signed in. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const returnTo = useReturnTo();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (me.isPending) return null;
  if (!me.data) {
    // The sign-in pages need no sign-in button.
    if (authPages.includes(pathname)) return null;
    return (
      <ButtonLink to="/login" search={returnTo ? { redirect: returnTo } : {}} size="xs" variant="default">
        {t('nav.signIn')}
      </ButtonLink>
    );
  }
  const { name, email } = me.data;
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.userMenu', { name })}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="blue">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate="end">
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        {canImportGrants(me.data) ? (
          <Menu.Item component={Link} to="/imports/grants">
            {t('grantImport.nav')}
          </Menu.Item>
        ) : null}
        <SignOutItem />
      </Menu.Dropdown>
    </Menu>
  );
}

/** "Verwaltung" in the header, for admins only: Konten and Audit-Log. */
export function AdminMenu({ className, isActive }: { className?: string; isActive: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!isAdmin(me.data)) return null;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <UnstyledButton className={className} data-active={isActive || undefined}>
          {t('nav.admin')}{' '}
          <span aria-hidden="true" style={{ fontSize: '0.75em' }}>
            ▾
          </span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {adminItems.map((item) => (
          <Menu.Item key={item.to} component={Link} to={item.to}>
            {t(item.key)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The same, for the navigation drawer on small screens: Verwaltung, Mein Konto, An-/Abmelden. */
export function DrawerAccountLinks({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const returnTo = useReturnTo();
  if (me.isPending) return null;
  if (!me.data) {
    if (authPages.includes(pathname)) return null;
    return (
      <NavLink
        label={t('nav.signIn')}
        active={pathname === '/login'}
        renderRoot={(props) => <Link {...props} to="/login" search={returnTo ? { redirect: returnTo } : {}} />}
      />
    );
  }
  return (
    <>
      {isAdmin(me.data) ? (
        <NavLink label={t('nav.admin')} defaultOpened={pathname.startsWith('/admin')} childrenOffset="md">
          {adminItems.map((item) => (
            <NavLink key={item.to} component={Link} to={item.to} label={t(item.key)} active={pathname === item.to} />
          ))}
        </NavLink>
      ) : null}
      <NavLink component={Link} to="/account" label={t('nav.account')} active={pathname === '/account'} />
      <NavLink component="button" label={t('nav.signOut')} c="red" onClick={() => signOut.mutate()} />
    </>
  );
}
