import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { errorMessage } from '../../lib/api-error';
import { useReportsStore } from '../../stores/reports-store';

interface SavePdfModalProps {
  opened: boolean;
  /** The Reports folder beside the data file, with the month in the name. */
  suggested: string;
  onClose(): void;
  onSaved(file: string | null, pages: number | null): void;
}

/**
 * In a browser Regulars cannot show the computer's "Save as" window, so the owner confirms (or
 * types) where the PDF goes; the suggestion is the Reports folder next to the shop's data.
 */
export function SavePdfModal({ opened, suggested, onClose, onSaved }: SavePdfModalProps) {
  const savePdf = useReportsStore((s) => s.savePdf);
  const saving = useReportsStore((s) => s.saving);
  const [file, setFile] = useState(suggested);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setFile(suggested);
      setError(null);
    }
  }, [opened, suggested]);

  const save = async () => {
    try {
      const result = await savePdf(file.trim());
      onSaved(result.file, result.pages);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Save the summary as PDF" size="lg">
      <Stack gap="sm">
        <Text fz="sm">
          Regulars saves the PDF on this computer. The suggested place is the <b>Reports</b> folder next to your shop’s data, so you can always find it again. To save it
          somewhere else, type the full path of the file, ending in <b>.pdf</b>.
        </Text>
        <TextInput
          label="Save to"
          value={file}
          onChange={(event) => setFile(event.currentTarget.value)}
          error={error}
          data-autofocus
          onKeyDown={(event) => event.key === 'Enter' && void save()}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving} disabled={file.trim() === ''}>
            Save PDF
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
