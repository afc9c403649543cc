/**
 * Settings › Backups: the automatic backups with their counts, "Back up now", a second backup folder
 * (a USB stick), restore with a side-by-side confirmation, and exports. Self-contained: mount it
 * anywhere; it loads what it needs.
 */
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BackupCreated, BackupInfo } from '../../../../shared/domain/backups';
import { describeError, useBackupsStore } from '../../stores/backups-store';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { REASON_LABELS, formatBytes, formatMoment } from './backup-labels';
import { RestoreDialog } from './RestoreDialog';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { isDesktopApp } from '../../lib/platform';

export function BackupsPanel() {
  const load = useBackupsStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg" maw={960} data-testid="backups-panel">
      <DataProblem />
      <BackupNow />
      <BackupList />
      <SecondFolder />
      <ExportData />
      <EraseInactive />
      <RestoreDialog />
    </Stack>
  );
}

/** When the data file cannot be opened: the reason and the one button that fixes it. */
function DataProblem() {
  const status = useBackupsStore((s) => s.status);
  const askRestore = useBackupsStore((s) => s.askRestore);
  const locale = useSettingsStore((s) => s.settings.locale);
  if (!status || status.open) return null;
  const latest = status.latestBackup;
  return (
    <Alert color="red" title="Your data file cannot be opened">
      <Text fz="sm">{status.problem}</Text>
      {latest ? (
        <Button mt="sm" color="red.9" onClick={() => void askRestore(latest.file)}>
          Restore the latest backup ({formatMoment(latest.createdAt, locale)})
        </Button>
      ) : (
        <Text fz="sm" mt="xs">
          There is no backup to restore. Keep the file safe and ask for help before changing it.
        </Text>
      )}
    </Alert>
  );
}

function BackupNow() {
  const backUpNow = useBackupsStore((s) => s.backUpNow);
  const backUpToChosenFolder = useBackupsStore((s) => s.backUpToChosenFolder);
  const busy = useBackupsStore((s) => s.busy);
  const open = useBackupsStore((s) => s.status?.open ?? true);
  const [folder, setFolder] = useState('');
  const desktop = isDesktopApp();
  const format = useFormatters();

  async function run(backUp: () => Promise<BackupCreated | null>) {
    try {
      const created = await backUp();
      if (!created) return;
      const extra = created.secondCopy ? ` ${created.secondCopy.note}` : '';
      const { customers, visits, feedback } = created.backup;
      notifications.show({
        color: 'teal',
        title: 'Backed up',
        message: `${format.count(customers)} customers, ${format.count(visits)} visits and ${format.count(feedback)} feedback entries are saved in ${folderOf(created.backup.file)}.${extra}`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'The backup failed', message: describeError(error) });
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4">
        Backups
      </Title>
      <Text fz="sm" c="dimmed" mt={4}>
        Regulars backs up your data by itself: when it starts (once a day), every 30 minutes while you work, when it closes, and
        before every import, undo or restore. It keeps the last 10, one a day for a month and one a month for a year.
      </Text>
      <Group mt="md" align="flex-end">
        <Button onClick={() => void run(() => backUpNow())} loading={busy === 'backup'} disabled={!open}>
          Back up now
        </Button>
        {desktop ? (
          <Button variant="default" onClick={() => void run(backUpToChosenFolder)} disabled={!open || busy === 'backup'}>
            Back up to a folder or USB stick…
          </Button>
        ) : (
          <FolderBackup folder={folder} setFolder={setFolder} onRun={() => void run(() => backUpNow(folder))} disabled={!open} busy={busy === 'backup'} />
        )}
      </Group>
    </Paper>
  );
}

/** The folder part of a full path, on Windows and elsewhere (the renderer has no path module). */
function folderOf(file: string): string {
  return file.replace(/[\\/][^\\/]*$/, '') || file;
}

interface FolderBackupProps {
  folder: string;
  setFolder: (folder: string) => void;
  onRun: () => void;
  disabled: boolean;
  busy: boolean;
}

/** In a browser there is no folder dialog: the folder is typed instead. */
function FolderBackup({ folder, setFolder, onRun, disabled, busy }: FolderBackupProps) {
  return (
    <>
      <TextInput
        label="Or back up to a folder (for example a USB stick)"
        placeholder="/media/usb or E:\"
        value={folder}
        onChange={(e) => setFolder(e.currentTarget.value)}
        style={{ flex: 1, minWidth: 240 }}
      />
      <Button variant="default" onClick={onRun} disabled={disabled || folder.trim() === ''} loading={busy}>
        Back up to this folder
      </Button>
    </>
  );
}

function BackupList() {
  const list = useBackupsStore((s) => s.list);
  const loading = useBackupsStore((s) => s.loading);
  const loadError = useBackupsStore((s) => s.loadError);
  const inspectError = useBackupsStore((s) => s.inspectError);
  const askRestore = useBackupsStore((s) => s.askRestore);
  const busy = useBackupsStore((s) => s.busy);
  const locale = useSettingsStore((s) => s.settings.locale);
  const format = useFormatters();

  if (loadError) return <Alert color="red" title="The backups could not be listed">{loadError}</Alert>;
  if (!list) return <Text fz="sm">{loading ? 'Loading backups…' : ''}</Text>;
  return (
    <Paper withBorder p="md">
      <Text fz="sm" c="dimmed">
        {list.backups.length === 0 ? 'No backups yet.' : `${list.backups.length === 1 ? '1 backup' : `${list.backups.length} backups`} in ${list.folder}`}
      </Text>
      {inspectError && (
        <Alert color="red" mt="sm">
          {inspectError}
        </Alert>
      )}
      {list.backups.length > 0 && (
        <Table.ScrollContainer minWidth={640} mt="sm">
          <Table striped aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Saved</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th ta="right">Customers</Table.Th>
                <Table.Th ta="right">Visits</Table.Th>
                <Table.Th ta="right">Feedback</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.backups.map((backup: BackupInfo) => (
                <Table.Tr key={backup.file}>
                  <Table.Td>{formatMoment(backup.createdAt, locale)}</Table.Td>
                  <Table.Td>
                    {REASON_LABELS[backup.reason]}
                    {backup.problem && (
                      <Badge color="red" variant="light" ml="xs" title={backup.problem}>
                        Cannot be used
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatBytes(backup.sizeBytes)}</Table.Td>
                  <Table.Td ta="right">{format.count(backup.customers)}</Table.Td>
                  <Table.Td ta="right">{format.count(backup.visits)}</Table.Td>
                  <Table.Td ta="right">{format.count(backup.feedback)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => void askRestore(backup.file)}
                      loading={busy === 'inspect'}
                      aria-label={`Restore the backup from ${formatMoment(backup.createdAt, locale)}`}
                    >
                      Restore…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The optional second folder that receives every automatic backup when it is plugged in. */
function SecondFolder() {
  const saved = useSettingsStore((s) => s.settings.backupFolder);
  const second = useBackupsStore((s) => s.list?.secondFolder ?? null);
  const setSecondFolder = useBackupsStore((s) => s.setSecondFolder);
  const busy = useBackupsStore((s) => s.busy);
  const open = useBackupsStore((s) => s.status?.open ?? true);
  const [value, setValue] = useState(saved ?? '');
  useEffect(() => setValue(saved ?? ''), [saved]);

  async function save(folder: string | null) {
    try {
      await setSecondFolder(folder);
      notifications.show({ color: 'teal', title: 'Saved', message: folder ? `Backups will also go to ${folder} when it is there.` : 'Backups go only to the usual folder.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: describeError(error) });
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={4} fz="h5">
        Second backup folder
      </Title>
      <Text fz="sm" c="dimmed" mt={4}>
        Every automatic backup is also copied here when the folder is there — a USB stick or a synced folder. When the stick is
        not plugged in, Regulars simply skips it.
      </Text>
      <Group mt="sm" align="flex-end">
        <TextInput
          label="Folder"
          placeholder="/media/usb/Regulars or E:\Regulars"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 240 }}
          disabled={!open}
        />
        <Button onClick={() => void save(value)} loading={busy === 'folder'} disabled={!open || value.trim() === (saved ?? '')}>
          Save
        </Button>
        {saved && (
          <Button variant="default" onClick={() => void save(null)} disabled={!open}>
            Stop using it
          </Button>
        )}
      </Group>
      {second && (
        <Badge mt="sm" color={second.available ? 'teal' : 'gray'} variant="light">
          {second.available ? 'Folder is there' : 'Not plugged in right now'}
        </Badge>
      )}
    </Paper>
  );
}

function ExportData() {
  const exportAll = useBackupsStore((s) => s.exportAll);
  const chooseFolder = useBackupsStore((s) => s.chooseFolder);
  const busy = useBackupsStore((s) => s.busy);
  const open = useBackupsStore((s) => s.status?.open ?? true);
  const [folder, setFolder] = useState('');
  const desktop = isDesktopApp();

  async function run(pick: boolean) {
    try {
      const target = pick ? await chooseFolder('export') : folder;
      if (pick && !target) return;
      const result = await exportAll(target ?? undefined);
      notifications.show({
        color: 'teal',
        title: 'Exported',
        message: `${result.customers} customers, ${result.visits} visits and ${result.feedback} feedback entries are in ${result.folder}.`,
        autoClose: 12_000,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'The export failed', message: describeError(error) });
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={4} fz="h5">
        Export your data
      </Title>
      <Text fz="sm" c="dimmed" mt={4}>
        Customers, visits and feedback as spreadsheets (CSV, opens in Excel and LibreOffice) and as one JSON file.
      </Text>
      <Group mt="sm" align="flex-end">
        {!desktop && (
          <TextInput
            label="Folder (leave empty for an exports folder beside your data)"
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
        )}
        <Button onClick={() => void run(false)} loading={busy === 'export'} disabled={!open}>
          Export all data
        </Button>
        {desktop && (
          <Button variant="default" onClick={() => void run(true)} disabled={!open || busy === 'export'}>
            Export to a folder…
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Optional privacy housekeeping: erase customers who have not visited for years. */
function EraseInactive() {
  const eraseInactive = useBackupsStore((s) => s.eraseInactive);
  const busy = useBackupsStore((s) => s.busy);
  const open = useBackupsStore((s) => s.status?.open ?? true);
  const [years, setYears] = useState<number>(3);
  const [preview, setPreview] = useState<{ years: number; count: number; message: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const people = (count: number) => (count === 1 ? '1 customer' : `${count} customers`);

  async function run(dryRun: boolean) {
    try {
      const result = await eraseInactive(years, dryRun);
      if (dryRun) setPreview({ years, count: result.ids.length, message: result.message });
      else {
        setPreview(null);
        notifications.show({ color: 'teal', title: 'Done', message: result.message, autoClose: 15_000 });
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nothing was erased', message: describeError(error) });
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={4} fz="h5">
        Forget customers who stopped coming
      </Title>
      <Text fz="sm" c="dimmed" mt={4}>
        Erases the personal details of customers who have not visited for a number of years. Their visits stay, so your totals do
        not change.
      </Text>
      <Group mt="sm" align="flex-end">
        <NumberInput
          label="Not seen for more than (years)"
          min={1}
          max={50}
          value={years}
          onChange={(v) => {
            setYears(typeof v === 'number' ? v : Number(v) || 1);
            setPreview(null);
          }}
          w={280}
        />
        <Button variant="default" onClick={() => void run(true)} loading={busy === 'erase'} disabled={!open}>
          Find them
        </Button>
        {preview && preview.count > 0 && (
          <Button color="red.9" onClick={() => setConfirming(true)} loading={busy === 'erase'}>
            Erase {people(preview.count)}
          </Button>
        )}
      </Group>
      {preview && (
        <Text fz="sm" mt="xs">
          {preview.message}
        </Text>
      )}
      <ConfirmDialog
        opened={confirming && preview !== null}
        title={`Erase ${people(preview?.count ?? 0)}?`}
        message={`The names, phones, emails, birthdays, notes and feedback comments of ${people(preview?.count ?? 0)} not seen for more than ${(preview?.years ?? years) === 1 ? 'a year' : `${preview?.years ?? years} years`} are erased for good: this cannot be undone. Their visits stay, so your totals do not change. The backups you already have still hold the details until they are rotated away.`}
        confirmLabel={`Erase ${people(preview?.count ?? 0)}`}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          await run(false);
        }}
      />
    </Paper>
  );
}
