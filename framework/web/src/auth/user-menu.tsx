import {
  Avatar,
  AvatarFallback,
  Badge,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@codexion/resources';
import { LogOut, MonitorSmartphone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSignIn } from './create-auth-session.js';
import type { SessionUser } from './load-session.js';

/**
 * Initials for an avatar: the first letters of the first and last names, else of the email.
 *
 * @example
 * initialsOf('Ada Lovelace', 'ada@example.com') // 'AL'
 */
export function initialsOf(name: string | null, email: string): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? email[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export interface UserMenuProps {
  user: SessionUser;
  /** the user's roles in the session's tenant */
  roles: readonly string[];
}

/**
 * Who is signed in (name, email, roles in this tenant) and the ways out: this session, or every
 * session of the user. Under an `AuthProvider` ({@link createAuthSession}).
 *
 * @example
 * <AppShell userMenu={<UserMenu user={session.user} roles={session.roles} />} … />
 */
export function UserMenu({ user, roles }: UserMenuProps) {
  const { t } = useTranslation('codexion');
  const { logout, logoutEverywhere } = useSignIn();
  const display = user.name || user.email;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="rounded-full"
          aria-label={t('auth.user.menu', { name: display })}
        >
          <Avatar className="size-8">
            <AvatarFallback>{initialsOf(user.name, user.email)}</AvatarFallback>
          </Avatar>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate font-medium">{display}</span>
          {user.name && (
            <span className="truncate font-normal text-muted-foreground text-xs">{user.email}</span>
          )}
        </DropdownMenuLabel>
        {roles.length > 0 && (
          <ul className="flex flex-wrap gap-1 px-2 pb-2" aria-label={t('auth.user.roles')}>
            {roles.map((role) => (
              <li key={role}>
                <Badge variant="secondary">{t(`auth.roles.${role}`, { defaultValue: role })}</Badge>
              </li>
            ))}
          </ul>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void logout()}>
          <LogOut aria-hidden="true" />
          {t('auth.user.logout')}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void logoutEverywhere()}>
          <MonitorSmartphone aria-hidden="true" />
          {t('auth.user.logoutEverywhere')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
