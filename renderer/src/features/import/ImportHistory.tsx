import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { kindLabel, plural, whenImported } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import type { ImportHistoryItem } from '../../stores/import-adapter';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LoadError } from '../common/LoadError';

/** Every import so far, newest first, each with what it added and an Undo. */
export function ImportHistory({ locale }: { locale: string }) {
  const history = useImportStore((s) => s.history);
  const historyError = useImportStore((s) => s.historyError);
  const undoingId = useImportStore((s) => s.undoingId);
  const undoMessage = useImportStore((s) => s.undoMessage);
  const loadHistory = useImportStore((s) => s.loadHistory);
  const undoImport = useImportStore((s) => s.undoImport);
  const dismissUndoMessage = useImportStore((s) => s.dismissUndoMessage);
  const [confirming, setConfirming] = useState<ImportHistoryItem | null>(null);

  useEffect(() => {
    void loadHistory();
    // The message is about what was just done here: coming back later, it would be old news.
    return dismissUndoMessage;
  }, [loadHistory, dismissUndoMessage]);

  if (historyError) return <LoadError title="The list of imports could not be loaded" message={historyError} />;
  if (history === null) return <Loader size="sm" aria-label="Loading past imports" />;

  return (
    <Stack gap="md">
      {undoMessage && (
        <Alert color={undoMessage.ok ? 'green' : 'orange'} title={undoMessage.ok ? 'Import undone' : 'This import cannot be undone yet'} role="status">
          {undoMessage.text}
        </Alert>
      )}
      {history.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">No imports yet. Files you import appear here, and each can be undone.</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Past imports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>What it added</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td className="num">{whenImported(item.importedAt, locale)}</Table.Td>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {item.fileName}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {kindLabel(item.kind)} · {plural(item.rowsRead, 'row', 'rows')} read
                      {item.rowsLeftOut > 0 ? `, ${plural(item.rowsLeftOut, 'row', 'rows')} left out with a problem` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{item.summary}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {item.undoneAt ? (
                      <Badge variant="light" color="gray">
                        Undone
                      </Badge>
                    ) : item.addedNothing ? (
                      <Text fz="xs" c="dimmed">
                        Nothing to undo
                      </Text>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        loading={undoingId === item.id}
                        onClick={() => setConfirming(item)}
                        aria-label={`Undo import of ${item.fileName}`}
                      >
                        Undo import
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title="Undo this import?"
        message={
          confirming
            ? `This removes what ${confirming.fileName} added (${confirming.summary}) and puts every customer it changed back as they were. If any of those records has changed since, by hand or by a later import, Regulars says which ones and changes nothing.`
            : ''
        }
        confirmLabel="Undo import"
        onCancel={() => setConfirming(null)}
        onConfirm={async () => {
          const item = confirming;
          setConfirming(null);
          if (item) await undoImport(item.id);
        }}
      />
    </Stack>
  );
}
