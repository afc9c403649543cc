import { useEffect, useRef, useState } from 'react';
import { Overlay, Stack, Text, ThemeIcon } from '@mantine/core';
import { dragHasFiles } from '../../lib/files';
import { navigate } from '../../lib/router';
import { useImportStore, subscribeToImportMenu } from '../../stores/import-store';
import { IconImport } from '../common/icons';

/**
 * Drop anywhere: a file dragged over any screen shows "Drop to import", and dropping it opens the
 * Import screen with the file being read. File › Import… lands on the same screen with the picker open.
 */
export function FileDropOverlay() {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element crossed; count them to know when the drag left the window.
  const depth = useRef(0);

  useEffect(() => subscribeToImportMenu(), []);

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer?.types)) return;
      depth.current += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer?.types)) return;
      // Without this the browser would open the file itself, leaving the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer?.types)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      // The Import screen's own drop zone takes drops on itself.
      if (event.target instanceof Element && event.target.closest('.mantine-Dropzone-root')) return;
      event.preventDefault();
      navigate({ page: 'import' });
      void useImportStore.getState().openFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <Overlay fixed zIndex={400} color="#2b1a10" backgroundOpacity={0.55} blur={2} center style={{ pointerEvents: 'none' }}>
      <Stack
        align="center"
        gap="sm"
        p={48}
        style={{ background: 'white', borderRadius: 'var(--mantine-radius-lg)', border: '3px dashed var(--mantine-color-terracotta-6)' }}
        role="status"
      >
        <ThemeIcon size={64} radius="xl" variant="light">
          <IconImport size={34} />
        </ThemeIcon>
        <Text fz={26} fw={700}>
          Drop to import
        </Text>
        <Text c="dimmed">Regulars reads the file and shows you what it found before saving anything.</Text>
      </Stack>
    </Overlay>
  );
}
