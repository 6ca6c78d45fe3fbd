import { CommandEmpty, CommandGroup, CommandItem, useTheme } from '@codexion/resources';
import {
  createApiClient,
  type EntityConfig,
  humanize,
  permissionOf,
  RecordHitItem,
  SearchDialog,
  useDebouncedValue,
  usePermissions,
  useRecordSearch,
  useTranslation,
} from '@codexion/web';
import { Building2, House, LogOut, Moon, Plus, Sun } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from './session-context.js';
import { useShell } from './shell-context.js';
import type { ShellNavEntry } from './shell-nav.js';
import type { ShellApp } from './use-shell-nav.js';

/** One command of the palette: a page to open, a record to create, an action to run. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** more words it is found by */
  keywords?: string[];
  icon?: ReactNode;
  run: () => void;
}

/**
 * The commands whose label or keywords contain every word typed, in their order.
 *
 * @example
 * filterCommands(commands, 'new de') // the "New deal" command
 */
export function filterCommands(commands: readonly PaletteCommand[], text: string): PaletteCommand[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const haystack = [command.label, ...(command.keywords ?? [])].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export interface CortexCommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** every page the session may open (the sidebar's entries) */
  pages: readonly ShellNavEntry[];
  /** the enabled apps: their records are searched, their entities created */
  apps: readonly ShellApp[];
}

/**
 * Cortex's command palette (the shell opens it with Ctrl/⌘+K): go to any page, find records across every enabled app
 * (each app's searched entities, as the user types), create a record, switch tenant, change the
 * theme, sign out.
 *
 * @example
 * <CortexCommandPalette open={open} onOpenChange={setOpen} pages={entries} apps={loadedApps} />
 */
export function CortexCommandPalette({ open, onOpenChange, pages, apps }: CortexCommandPaletteProps) {
  const { t, i18n } = useTranslation('cortex');
  const { t: tf } = useTranslation('codexion');
  const { fetch: fetchImpl } = useShell();
  const { tenant, tenants, switchTenant, logout } = useSession();
  const { resolvedTheme, setTheme } = useTheme();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);

  const setOpen = (next: boolean) => {
    if (!next) setText('');
    onOpenChange(next);
  };
  const entityText = (entity: EntityConfig) => ({
    title: i18n.t(`${entity.name}.title`, { ns: entity.app, defaultValue: entity.title }),
    plural: i18n.t(`${entity.name}.plural`, { ns: entity.app, defaultValue: humanize(entity.resource) }),
  });

  const sources = useMemo(() => {
    return apps.flatMap(({ name, app }) => {
      const baseUrl = app.apiBaseUrl;
      const api = { baseUrl, client: createApiClient({ baseUrl, fetch: fetchImpl }) };
      return app.search
        .filter((entity) => can(permissionOf(entity, 'read')))
        .map((entity) => ({ entity, api, appName: name }));
    });
  }, [apps, can, fetchImpl]);
  const { hits, loading } = useRecordSearch(sources, { q, enabled: open });

  const go = (href: string) => () => navigate(href);
  const pageCommands: PaletteCommand[] = [
    { id: 'page:home', label: t('nav.home'), icon: <House aria-hidden="true" />, run: go('/') },
    ...pages.map((page) => {
      const Icon = page.icon;
      const section = apps.find((app) => app.name === page.module)?.title;
      return {
        id: `page:${page.id}`,
        label: page.label,
        keywords: section ? [section] : [],
        icon: Icon ? <Icon aria-hidden="true" /> : undefined,
        run: go(page.href),
      };
    }),
  ];
  const createCommands: PaletteCommand[] = apps.flatMap(({ name, title, app }) =>
    app.search
      .filter((entity) => can(permissionOf(entity, 'create')))
      .map((entity) => ({
        id: `create:${name}:${entity.name}`,
        label: t('palette.create', { entity: entityText(entity).title }),
        keywords: [title, t('palette.createKeyword')],
        icon: <Plus aria-hidden="true" />,
        run: go(`/${name}/${entity.resource}/new`),
      })),
  );
  const actionCommands: PaletteCommand[] = [
    ...tenants
      .filter((option) => option.id !== tenant.id && option.status === 'active')
      .map((option) => ({
        id: `tenant:${option.id}`,
        label: t('palette.switchTenant', { tenant: option.name }),
        keywords: [t('palette.tenantKeyword')],
        icon: <Building2 aria-hidden="true" />,
        run: () => void switchTenant(option.id),
      })),
    resolvedTheme === 'dark'
      ? {
          id: 'theme',
          label: t('palette.lightTheme'),
          keywords: [t('palette.themeKeyword')],
          icon: <Sun aria-hidden="true" />,
          run: () => setTheme('light'),
        }
      : {
          id: 'theme',
          label: t('palette.darkTheme'),
          keywords: [t('palette.themeKeyword')],
          icon: <Moon aria-hidden="true" />,
          run: () => setTheme('dark'),
        },
    {
      id: 'logout',
      label: tf('auth.user.logout'),
      icon: <LogOut aria-hidden="true" />,
      run: () => void logout(),
    },
  ];

  const select = (run: () => void) => () => {
    setOpen(false);
    run();
  };
  const group = (id: string, heading: string, commands: PaletteCommand[]) =>
    commands.length > 0 && (
      <CommandGroup key={id} heading={heading}>
        {commands.map((command) => (
          <CommandItem key={command.id} value={command.id} onSelect={select(command.run)}>
            {command.icon}
            <span className="truncate">{command.label}</span>
          </CommandItem>
        ))}
      </CommandGroup>
    );
  const several = apps.length > 1;

  return (
    <SearchDialog
      open={open}
      onOpenChange={setOpen}
      title={t('palette.title')}
      slot="cortex-command-palette"
      text={text}
      onTextChange={setText}
      placeholder={t('palette.placeholder')}
      status={loading && t('palette.searching')}
    >
      {!loading && <CommandEmpty>{t('palette.empty', { q: text.trim() })}</CommandEmpty>}
      {group('pages', t('palette.pages'), filterCommands(pageCommands, text))}
      {hits.map(({ entity, items }) => {
        const app = apps.find((candidate) => candidate.name === entity.app);
        const Icon = app?.app.module.icon;
        const plural = entityText(entity).plural;
        return (
          <CommandGroup
            key={`records:${entity.app}:${entity.name}`}
            heading={several && app ? t('palette.recordsIn', { entities: plural, app: app.title }) : plural}
          >
            {items.map((item) => (
              <RecordHitItem
                key={String(item[entity.primaryKey])}
                entity={entity}
                item={item}
                icon={Icon && <Icon aria-hidden="true" />}
                onSelect={(id) => select(go(`/${entity.app}/${entity.resource}/${encodeURIComponent(id)}`))()}
              />
            ))}
          </CommandGroup>
        );
      })}
      {group('create', t('palette.createGroup'), filterCommands(createCommands, text))}
      {group('actions', t('palette.actions'), filterCommands(actionCommands, text))}
      {!text && <p className="px-3 py-2 text-muted-foreground text-xs">{t('palette.hint')}</p>}
    </SearchDialog>
  );
}
