import './gallery.css';
import {
  AppShell,
  Avatar,
  AvatarFallback,
  Breadcrumbs,
  Button,
  CommandPalette,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  type NavSection,
  type Theme,
  ThemeProvider,
  ThemeToggle,
  Toaster,
  toast,
} from '@codexion/resources';
import {
  BellIcon,
  BoxIcon,
  CalendarIcon,
  LayersIcon,
  LayoutGridIcon,
  LogOutIcon,
  MessageSquareIcon,
  PaletteIcon,
  SearchIcon,
  SettingsIcon,
  SquareMousePointerIcon,
  TableIcon,
  TextCursorInputIcon,
  UserIcon,
} from 'lucide-react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Sections } from './sections.js';

const params = new URLSearchParams(window.location.search);
const requested = params.get('theme');
const defaultTheme: Theme = requested === 'dark' || requested === 'light' ? requested : 'system';

const sections = [
  { id: 'tokens', label: 'Tokens', icon: <PaletteIcon /> },
  { id: 'buttons', label: 'Buttons & badges', icon: <SquareMousePointerIcon /> },
  { id: 'forms', label: 'Form controls', icon: <TextCursorInputIcon /> },
  { id: 'data', label: 'Cards & tables', icon: <TableIcon /> },
  { id: 'navigation', label: 'Navigation', icon: <LayoutGridIcon /> },
  { id: 'overlays', label: 'Overlays', icon: <LayersIcon /> },
  { id: 'pickers', label: 'Calendar & command', icon: <CalendarIcon /> },
  { id: 'feedback', label: 'Feedback', icon: <MessageSquareIcon /> },
];

function useHash() {
  const [hash, setHash] = useState(window.location.hash.slice(1) || 'tokens');
  useEffect(() => {
    const onHash = () => setHash(window.location.hash.slice(1));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return hash;
}

function Gallery() {
  const hash = useHash();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const nav: NavSection[] = [
    {
      id: 'components',
      title: 'Design system',
      items: sections.map((section) => ({
        id: section.id,
        label: section.label,
        href: `#${section.id}`,
        icon: section.icon,
        active: hash === section.id,
      })),
    },
    {
      id: 'app',
      title: 'Example app',
      items: [
        { id: 'products', label: 'Products', href: '#products', icon: <BoxIcon /> },
        { id: 'settings', label: 'Settings', href: '#settings', icon: <SettingsIcon /> },
      ],
    },
  ];

  return (
    <AppShell
      brand={
        <>
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary font-bold text-primary-foreground text-sm"
          >
            C
          </span>
          <span className="truncate font-semibold group-data-[sidebar-collapsed=true]/app-shell:hidden">
            Codexion UI
          </span>
        </>
      }
      nav={nav}
      sidebarFooter={
        <p className="truncate px-2 py-1 text-sidebar-muted-foreground text-xs group-data-[sidebar-collapsed=true]/app-shell:sr-only">
          @codexion/resources 0.1.0
        </p>
      }
      breadcrumbs={
        <Breadcrumbs
          items={[
            { label: 'Design system', href: '#tokens' },
            { label: sections.find((section) => section.id === hash)?.label ?? 'Gallery' },
          ]}
        />
      }
      search={
        <Button
          variant="outline"
          size="sm"
          className="w-40 justify-start text-muted-foreground sm:w-56"
          onClick={() => setPaletteOpen(true)}
        >
          <SearchIcon aria-hidden="true" />
          <span className="flex-1 text-start">Search…</span>
          <kbd className="rounded-sm border bg-muted px-1.5 font-mono text-[0.7rem]">Ctrl K</kbd>
        </Button>
      }
      actions={
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label="Notifications"
          onClick={() => toast('No new notifications')}
        >
          <BellIcon aria-hidden="true" />
        </Button>
      }
      themeToggle={<ThemeToggle size="icon-sm" />}
      userMenu={
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="icon-sm"
              className="rounded-full"
              aria-label="Account: Ada Lovelace"
            >
              <Avatar className="size-7">
                <AvatarFallback>AL</AvatarFallback>
              </Avatar>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" className="w-48">
            <DropdownMenuLabel>Ada Lovelace</DropdownMenuLabel>
            <DropdownMenuSeparator />
            <DropdownMenuItem>
              <UserIcon aria-hidden="true" />
              Profile
            </DropdownMenuItem>
            <DropdownMenuItem>
              <SettingsIcon aria-hidden="true" />
              Settings
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="danger">
              <LogOutIcon aria-hidden="true" />
              Sign out
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      }
    >
      <Sections />
      <CommandPalette
        open={paletteOpen}
        onOpenChange={setPaletteOpen}
        groups={[
          {
            id: 'go',
            heading: 'Go to',
            items: sections.map((section) => ({
              id: section.id,
              label: section.label,
              icon: section.icon,
              onSelect: () => {
                window.location.hash = section.id;
              },
            })),
          },
          {
            id: 'actions',
            heading: 'Actions',
            items: [
              {
                id: 'toast',
                label: 'Show a toast',
                shortcut: 'T',
                onSelect: () => toast.success('Hello from the palette'),
              },
            ],
          },
        ]}
      />
      <Toaster />
    </AppShell>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ThemeProvider defaultTheme={defaultTheme} storageKey="codexion-gallery-theme">
      <Gallery />
    </ThemeProvider>
  </StrictMode>,
);
