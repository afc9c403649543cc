import { useEffect } from 'react';
import { Loader, Stack } from '@mantine/core';
import { LoadError } from '../common/LoadError';
import { localDateOf } from '../../../../shared/domain/dates';
import { useOverviewStore } from '../../stores/overview-store';
import { useCallListStore } from '../../stores/call-list-store';
import { useSettingsStore } from '../../stores/settings-store';
import { PageHeader } from '../common/PageHeader';
import { LogVisitCallout } from './LogVisitCallout';
import { ShopTotals } from './ShopTotals';
import { NewShopWelcome } from './NewShopWelcome';
import { WhoToCall } from './WhoToCall';

function longToday(locale: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(new Date());
  } catch {
    return localDateOf(new Date());
  }
}

export function TodayPage() {
  const { overview, error, load } = useOverviewStore();
  const settings = useSettingsStore((s) => s.settings);
  const settingsLoaded = useSettingsStore((s) => s.loaded);

  const loadCallList = useCallListStore((s) => s.load);

  useEffect(() => {
    void load();
    void loadCallList(); // worked out in the background; the rest of the page does not wait for it
  }, [load, loadCallList]);

  const description = settingsLoaded ? `${settings.shopName} · ${longToday(settings.locale)}` : longToday(settings.locale);

  return (
    <>
      <PageHeader title="Today" description={description} />
      {error && !overview && <LoadError title="Today’s overview could not be loaded" message={error} />}
      {!overview && !error && <Loader aria-label="Loading" />}
      {overview && overview.customers === 0 && <NewShopWelcome />}
      {overview && overview.customers > 0 && (
        <Stack gap="lg">
          <LogVisitCallout />
          <ShopTotals overview={overview} />
          <WhoToCall />
        </Stack>
      )}
    </>
  );
}
