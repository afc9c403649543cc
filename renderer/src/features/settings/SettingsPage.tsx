import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Settings } from '../../../../shared/domain/settings';
import { localDateOf } from '../../../../shared/domain/dates';
import { errorMessage, fieldErrors } from '../../lib/api-error';
import { makeFormatters } from '../../lib/format';
import { useSettingsStore } from '../../stores/settings-store';
import { PageHeader } from '../common/PageHeader';
import { currencyOptions, dateFormatOptions, localeOptions } from './settings-options';
import { navigate } from '../../lib/router';
import { BackupsPanel } from '../backups/BackupsPanel';

type EditableSettings = Pick<Settings, 'shopName' | 'currency' | 'locale' | 'dateFormat' | 'marginPct' | 'activeWindowDays'>;

function editable(settings: Settings): EditableSettings {
  const { shopName, currency, locale, dateFormat, marginPct, activeWindowDays } = settings;
  return { shopName, currency, locale, dateFormat, marginPct, activeWindowDays };
}

/** Settings, in two tabs: the shop's own choices, and Backups (also `#/settings/backups`). */
export function SettingsPage({ tab }: { tab?: 'backups' | undefined }) {
  const current = tab ?? 'shop';
  return (
    <>
      <PageHeader title="Settings" description="How Regulars shows money and dates, how it judges who counts as a regular, and how it keeps your data safe." />
      <Tabs
        value={current}
        onChange={(value) => navigate(value === 'backups' ? { page: 'settings', tab: 'backups' } : { page: 'settings' })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="shop">Shop and numbers</Tabs.Tab>
          <Tabs.Tab value="backups">Backups and privacy</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="shop">
          <ShopSettingsForm />
        </Tabs.Panel>
        <Tabs.Panel value="backups">
          <BackupsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ShopSettingsForm() {
  const settings = useSettingsStore((s) => s.settings);
  const loaded = useSettingsStore((s) => s.loaded);
  const save = useSettingsStore((s) => s.save);
  const [values, setValues] = useState<EditableSettings>(() => editable(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The settings may arrive after the page opened: show them once they do.
  useEffect(() => {
    if (loaded) setValues(editable(settings));
  }, [loaded, settings]);

  const set = <K extends keyof EditableSettings>(key: K, value: EditableSettings[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const preview = makeFormatters(values);
  const dirty = JSON.stringify(values) !== JSON.stringify(editable(settings));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFormError(null);
    try {
      await save(values);
      setErrors({});
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'Amounts and dates now follow your choices.' });
    } catch (error) {
      const issues = fieldErrors(error);
      setErrors(issues);
      setFormError(Object.keys(issues).length > 0 ? 'Please check the highlighted fields.' : errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="lg" maw={760}>
          {formError && <Alert color="red">{formError}</Alert>}
          <Paper withBorder p="lg" component="section" aria-labelledby="settings-shop">
            <Title order={2} fz="lg" id="settings-shop" mb="md">
              Your shop
            </Title>
            <Stack gap="md">
              <TextInput
                label="Shop name"
                description="Shown at the top of the window and on reports."
                value={values.shopName}
                onChange={(e) => set('shopName', e.currentTarget.value)}
                error={errors.shopName || undefined}
              />
              <SimpleGrid cols={2} spacing="md">
                <Select
                  label="Currency"
                  description="Amounts already saved are not converted."
                  data={currencyOptions(values.currency)}
                  value={values.currency}
                  onChange={(v) => v && set('currency', v)}
                  allowDeselect={false}
                  searchable
                  error={errors.currency || undefined}
                />
                <Select
                  label="Language and region"
                  description="Decides how numbers and dates look."
                  data={localeOptions(values.locale)}
                  value={values.locale}
                  onChange={(v) => v && set('locale', v)}
                  allowDeselect={false}
                  searchable
                  error={errors.locale || undefined}
                />
              </SimpleGrid>
              <Select
                label="Date format"
                data={dateFormatOptions(values.locale)}
                value={values.dateFormat}
                onChange={(v) => v && set('dateFormat', v as Settings['dateFormat'])}
                allowDeselect={false}
                error={errors.dateFormat || undefined}
                maw={360}
              />
              <Text fz="sm" c="dimmed">
                Preview: <span className="num">{preview.money(123456)}</span> · {preview.date(localDateOf(new Date()))} ·{' '}
                <span className="num">{preview.count(12345)}</span> customers
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="settings-numbers">
            <Title order={2} fz="lg" id="settings-numbers" mb="md">
              Working out value
            </Title>
            <SimpleGrid cols={2} spacing="md">
              <NumberInput
                label="Profit margin"
                description="Roughly what you keep from each sale, to estimate profit per customer."
                suffix=" %"
                min={0}
                max={100}
                decimalScale={1}
                value={values.marginPct}
                onChange={(v) => set('marginPct', typeof v === 'number' ? v : Number.NaN)}
                error={errors.marginPct || undefined}
              />
              <NumberInput
                label="Active window"
                description="A customer counts as active if they came in within this many days."
                suffix=" days"
                min={7}
                max={730}
                allowDecimal={false}
                value={values.activeWindowDays}
                onChange={(v) => set('activeWindowDays', typeof v === 'number' ? v : Number.NaN)}
                error={errors.activeWindowDays || undefined}
              />
            </SimpleGrid>
          </Paper>
          <Group justify="flex-end">
            {dirty && (
              <Button variant="default" onClick={() => { setValues(editable(settings)); setErrors({}); setFormError(null); }}>
                Undo changes
              </Button>
            )}
            <Button type="submit" loading={saving} disabled={!dirty}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
