import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useImportStore } from '../../stores/import-store';
import { IconImport } from '../common/icons';

/**
 * Step one: drop a file here (or anywhere on the window), or pick one. Any file is accepted: the back
 * end reads what it can and says in one sentence why it cannot read the rest, which helps more than a
 * picker that greys out a CSV its operating system labels oddly.
 */
export function FileChooser() {
  const openFile = useImportStore((s) => s.openFile);
  const error = useImportStore((s) => s.error);
  const pickerRequested = useImportStore((s) => s.pickerRequested);
  const pickerShown = useImportStore((s) => s.pickerShown);
  const openPicker = useRef<() => void>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);

  // File › Import… asks for the picker. Where the window may not open it unasked, the focused
  // "Choose a file…" button is one key press away.
  useEffect(() => {
    if (!pickerRequested) return;
    pickerShown();
    chooseButton.current?.focus();
    openPicker.current?.();
  }, [pickerRequested, pickerShown]);

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" title="This file could not be imported" role="alert">
          {error}
        </Alert>
      )}
      <Dropzone
        openRef={openPicker}
        onDrop={(files) => {
          const file = files[0];
          if (file) void openFile(file);
        }}
        multiple={false}
        // The button below opens the picker (reachable by keyboard); the whole zone takes drops.
        activateOnClick={false}
        activateOnKeyboard={false}
        radius="md"
        p="xl"
        style={{ borderWidth: 2, background: 'white' }}
      >
        <Group justify="center" gap="xl" mih={180} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <ThemeIcon size={64} radius="xl" variant="light">
            <IconImport size={34} />
          </ThemeIcon>
          <Stack gap={6} maw={520}>
            <Text fz="xl" fw={650}>
              Drop a spreadsheet here
            </Text>
            <Text c="dimmed" fz="sm">
              The export of your till or booking system, or your own list: CSV, Excel (XLSX, XLS) or OpenDocument (ODS). You can
              also drop a file anywhere on the window.
            </Text>
            <Text c="dimmed" fz="sm">
              Nothing is saved until you have checked how the file is read and pressed Import.
            </Text>
            <Group mt="xs">
              <Button ref={chooseButton} style={{ pointerEvents: 'all' }} onClick={() => openPicker.current?.()}>
                Choose a file…
              </Button>
            </Group>
          </Stack>
        </Group>
      </Dropzone>
    </Stack>
  );
}
