import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { errorMessage } from '../../lib/api-error';
import { useReportsStore } from '../../stores/reports-store';
import { useSettingsStore } from '../../stores/settings-store';

interface ScheduleModalProps {
  opened: boolean;
  /** A folder to suggest when none is set yet (the Reports folder beside the data). */
  suggestedFolder: string;
  onClose(): void;
}

/** "Save last month's summary as PDF to this folder at the first start of each month." */
export function ScheduleModal({ opened, suggestedFolder, onClose }: ScheduleModalProps) {
  const current = useSettingsStore((s) => s.settings.monthlyReportFolder);
  const setScheduleFolder = useReportsStore((s) => s.setScheduleFolder);
  const [folder, setFolder] = useState(current ?? suggestedFolder);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setFolder(current ?? suggestedFolder);
      setError(null);
    }
  }, [opened, current, suggestedFolder]);

  const apply = async (value: string | null) => {
    setBusy(true);
    try {
      await setScheduleFolder(value);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Save each month’s summary automatically" size="lg">
      <Stack gap="sm">
        <Text fz="sm">
          The first time you open Regulars in a new month, it saves last month’s summary as a PDF in this folder — for example a folder your accountant can see. It
          never overwrites a summary that is already there.
        </Text>
        <Text fz="sm" c="dimmed">
          {current ? `Now saving to: ${current}` : 'Not switched on yet.'}
        </Text>
        <TextInput label="Folder" value={folder} onChange={(event) => setFolder(event.currentTarget.value)} error={error} data-autofocus />
        <Group justify="space-between">
          {current ? (
            <Button variant="subtle" color="gray" onClick={() => void apply(null)} disabled={busy}>
              Stop saving automatically
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void apply(folder)} loading={busy} disabled={folder.trim() === ''}>
              Save every month here
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
