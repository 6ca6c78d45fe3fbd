import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';

/** What the user chose: a fixed mode, or follow the operating system. */
export type Theme = 'light' | 'dark' | 'system';
/** The mode actually shown. */
export type ResolvedTheme = 'light' | 'dark';

export interface ThemeContextValue {
  theme: Theme;
  resolvedTheme: ResolvedTheme;
  setTheme: (theme: Theme) => void;
}

export const ThemeContext = createContext<ThemeContextValue | undefined>(undefined);

const darkQuery = '(prefers-color-scheme: dark)';
const themes: readonly Theme[] = ['light', 'dark', 'system'];
const isTheme = (value: unknown): value is Theme => themes.includes(value as Theme);

function readStored(storageKey: string): Theme | undefined {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isTheme(stored) ? stored : undefined;
  } catch {
    // storage can be blocked (privacy settings, sandboxed frames): the theme just is not remembered
    return undefined;
  }
}

function systemTheme(): ResolvedTheme {
  return typeof window.matchMedia === 'function' && window.matchMedia(darkQuery).matches ? 'dark' : 'light';
}

/** Sets the class and `data-theme` the theme CSS keys on. */
function paint(target: HTMLElement, resolved: ResolvedTheme) {
  target.classList.toggle('dark', resolved === 'dark');
  target.classList.toggle('light', resolved === 'light');
  target.dataset.theme = resolved;
}

export interface ThemeProviderProps {
  children: ReactNode;
  /** used when nothing is stored yet */
  defaultTheme?: Theme;
  /** localStorage key the choice is kept under */
  storageKey?: string;
  /** the element that gets the `dark`/`light` class and `data-theme`; `<html>` by default */
  target?: HTMLElement;
}

/**
 * Light, dark or system theme for everything below it: puts `dark`/`light` and `data-theme` on
 * `<html>`, remembers the choice in localStorage, follows the OS while on "system" and keeps
 * other tabs in step.
 *
 * @example
 * <ThemeProvider defaultTheme="system">
 *   <App />
 * </ThemeProvider>
 */
export function ThemeProvider({
  children,
  defaultTheme = 'system',
  storageKey = 'codexion-theme',
  target,
}: ThemeProviderProps) {
  const [theme, setThemeState] = useState<Theme>(() => readStored(storageKey) ?? defaultTheme);
  const [system, setSystem] = useState<ResolvedTheme>(systemTheme);
  const resolvedTheme = theme === 'system' ? system : theme;

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(darkQuery);
    const onChange = () => setSystem(media.matches ? 'dark' : 'light');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === storageKey) setThemeState(isTheme(event.newValue) ? event.newValue : defaultTheme);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [storageKey, defaultTheme]);

  // before the first paint, so that a dark page neither flashes light nor animates its colors in
  useLayoutEffect(() => {
    paint(target ?? document.documentElement, resolvedTheme);
  }, [target, resolvedTheme]);

  const setTheme = useCallback(
    (next: Theme) => {
      setThemeState(next);
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // not remembered, still applied
      }
    },
    [storageKey],
  );

  const value = useMemo(() => ({ theme, resolvedTheme, setTheme }), [theme, resolvedTheme, setTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

/**
 * The current theme and a setter. Must be used below a `ThemeProvider`.
 *
 * @example
 * const { resolvedTheme, setTheme } = useTheme();
 * <Button onClick={() => setTheme(resolvedTheme === 'dark' ? 'light' : 'dark')}>Toggle</Button>
 */
export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (value === undefined) throw new Error('useTheme() must be used inside <ThemeProvider>');
  return value;
}

/**
 * A tiny script for the page's `<head>` that sets the theme class before React loads, so a dark
 * page does not flash white. Put it inline, before the stylesheet.
 *
 * @example
 * <script dangerouslySetInnerHTML={{ __html: themeInitScript() }} />
 */
export function themeInitScript(storageKey = 'codexion-theme', defaultTheme: Theme = 'system'): string {
  const key = JSON.stringify(storageKey);
  const fallback = JSON.stringify(defaultTheme);
  return `(function(){try{var t=localStorage.getItem(${key});if(t!=="light"&&t!=="dark"&&t!=="system")t=${fallback};if(t==="system")t=matchMedia("${darkQuery}").matches?"dark":"light";var e=document.documentElement;e.classList.add(t);e.dataset.theme=t}catch(e){}})()`;
}
