import { Button, Loader, Paper, Group, Tabs, Text } from '@mantine/core';
import { useImportStore } from '../../stores/import-store';
import { useSettingsStore } from '../../stores/settings-store';
import { PageHeader } from '../common/PageHeader';
import { FileChooser } from './FileChooser';
import { ImportReviewSteps } from './ImportReviewSteps';
import { ImportProgressCard } from './ImportProgressCard';
import { ImportResultCard } from './ImportResultCard';
import { ImportHistory } from './ImportHistory';

function CurrentImport() {
  const stage = useImportStore((s) => s.stage);
  const review = useImportStore((s) => s.review);
  const fileName = useImportStore((s) => s.fileName);
  switch (stage) {
    case 'choose':
      return <FileChooser />;
    case 'reading':
      return (
        <Paper withBorder p="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text>Reading {fileName}…</Text>
          </Group>
        </Paper>
      );
    case 'review':
      return review ? <ImportReviewSteps review={review} /> : <FileChooser />;
    case 'importing':
      return <ImportProgressCard />;
    case 'done':
      return <ImportResultCard />;
  }
}

/** Import: bring a spreadsheet in (check, then import), and the list of past imports with Undo. */
export function ImportPage() {
  const stage = useImportStore((s) => s.stage);
  const fileName = useImportStore((s) => s.fileName);
  const startOver = useImportStore((s) => s.startOver);
  const requestPicker = useImportStore((s) => s.requestPicker);
  const locale = useSettingsStore((s) => s.settings.locale);
  const reviewing = stage === 'review' || stage === 'reading';
  return (
    <>
      <PageHeader
        title="Import"
        description={reviewing && fileName ? `Checking ${fileName} before anything is saved.` : 'Bring in customers, visits or feedback from a spreadsheet.'}
        actions={
          reviewing ? (
            <Button variant="default" onClick={() => void startOver().then(requestPicker)}>
              Choose another file
            </Button>
          ) : undefined
        }
      />
      <Tabs defaultValue="new" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="new">Import a file</Tabs.Tab>
          <Tabs.Tab value="history">Past imports</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="new">
          <CurrentImport />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ImportHistory locale={locale} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
