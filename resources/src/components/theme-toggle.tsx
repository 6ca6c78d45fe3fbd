import { MonitorIcon, MoonIcon, SunIcon } from 'lucide-react';
import type { ComponentProps } from 'react';
import { useUiStrings } from '../lib/ui-strings.js';
import { type Theme, useTheme } from '../theme/theme-provider.js';
import { Button } from './button.js';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from './dropdown-menu.js';

export interface ThemeToggleProps extends ComponentProps<typeof Button> {
  /** overrides of the built-in strings */
  labels?: { theme?: string; light?: string; dark?: string; system?: string };
}

/**
 * A button with a menu to choose light, dark or system theme. Needs a `ThemeProvider` above.
 *
 * @example
 * <AppShell themeToggle={<ThemeToggle />} … />
 */
export function ThemeToggle({ labels, variant = 'ghost', size = 'icon', ...props }: ThemeToggleProps) {
  const strings = useUiStrings();
  const { theme, resolvedTheme, setTheme } = useTheme();
  const options: { value: Theme; label: string; icon: typeof SunIcon }[] = [
    { value: 'light', label: labels?.light ?? strings.themeLight, icon: SunIcon },
    { value: 'dark', label: labels?.dark ?? strings.themeDark, icon: MoonIcon },
    { value: 'system', label: labels?.system ?? strings.themeSystem, icon: MonitorIcon },
  ];
  const CurrentIcon = resolvedTheme === 'dark' ? MoonIcon : SunIcon;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          data-slot="theme-toggle"
          variant={variant}
          size={size}
          aria-label={labels?.theme ?? strings.theme}
          {...props}
        >
          <CurrentIcon aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuRadioGroup value={theme} onValueChange={(value) => setTheme(value as Theme)}>
          {options.map(({ value, label, icon: Icon }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
