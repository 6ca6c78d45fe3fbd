import { ThemeToggle, Toaster } from '@codexion/resources';
import { useTranslation } from 'react-i18next';

/**
 * The theme menu, loaded after the first paint: its menu machinery (Radix menu, floating-ui)
 * would otherwise be a fifth of the shell's initial JavaScript for a control used rarely.
 */
export function DeferredThemeToggle() {
  const { t } = useTranslation('codexion');
  return (
    <ThemeToggle
      labels={{
        theme: t('ui.theme'),
        light: t('ui.themeLight'),
        dark: t('ui.themeDark'),
        system: t('ui.themeSystem'),
      }}
    />
  );
}

/** Where toasts appear; nothing can raise one before the lazily loaded pages, so it loads with them. */
export function DeferredToaster() {
  return <Toaster />;
}
