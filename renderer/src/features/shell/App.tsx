import { useEffect } from 'react';
import { AppShell } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { routeHref, useRoute } from '../../lib/router';
import { useSettingsStore } from '../../stores/settings-store';
import { useQuickLogStore } from '../../stores/quick-log-store';
import { useBackendStatusStore } from '../../stores/backend-status-store';
import { AppHeader } from './AppHeader';
import { MainNavigation } from './MainNavigation';
import { UnavailableBanner } from './UnavailableBanner';
import { CurrentPage } from './CurrentPage';
import { QuickLogModal } from '../quick-log/QuickLogModal';
import { AddCustomerModal } from '../customers/AddCustomerModal';
import { FileDropOverlay } from '../import/FileDropOverlay';
import { useBackupMenu } from '../backups/useBackupMenu';

export function App() {
  const route = useRoute();
  const loadSettings = useSettingsStore((s) => s.load);
  const openQuickLog = useQuickLogStore((s) => s.open);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  useEffect(() => {
    void useBackendStatusStore.getState().checkDataFile();
  }, []);

  useBackupMenu();

  // A new page starts at its top, not where the last one was scrolled to.
  const href = routeHref(route);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [href]);

  // Works from inside text boxes too: the owner may be anywhere when a customer walks up.
  useHotkeys([['mod+K', () => openQuickLog()]], []);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 224, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main" style={{ background: '#f6f1ec' }}>
        <MainNavigation current={route.page} />
      </AppShell.Navbar>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100dvh' }}>
        <UnavailableBanner />
        <CurrentPage route={route} />
      </AppShell.Main>
      <QuickLogModal />
      <AddCustomerModal />
      <FileDropOverlay />
    </AppShell>
  );
}
