import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';

/**
 * A thin bar at the top of the window while the router loads the next page (its chunk, its data).
 *
 * @example
 * <AppShell …><NavigationProgress /><Outlet /></AppShell>
 */
export function NavigationProgress() {
  const { t } = useTranslation('codexion');
  const navigation = useNavigation();
  if (navigation.state !== 'loading') return null;
  return (
    <div
      role="progressbar"
      aria-label={t('nav.loading')}
      className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-primary"
    />
  );
}
