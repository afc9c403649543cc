import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../lib/api-error';
import { hasNativeSaveDialog, recentMonths, useReportsStore, type PaperChoice } from '../../stores/reports-store';
import { PageHeader } from '../common/PageHeader';
import { LoadError } from '../common/LoadError';
import { SavePdfModal } from './SavePdfModal';
import { ScheduleModal } from './ScheduleModal';

const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const MONTH_OPTIONS = recentMonths().map((value, i) => {
  const label = monthName.format(new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, 1));
  return { value, label: i === 0 ? `${label} (so far)` : label };
});

const PAPER_OPTIONS: { value: PaperChoice; label: string }[] = [
  { value: 'auto', label: 'Paper: usual for your country' },
  { value: 'a4', label: 'Paper: A4' },
  { value: 'letter', label: 'Paper: US Letter' },
];

/** Summary of a month: shown as the printed page itself, in a frame that can run no script. */
export function ReportsPage() {
  const { month, paper, document, loading, error, saving, printRequested, scheduled, load, setMonth, setPaper, savePdf, printDone } = useReportsStore();
  const frame = useRef<HTMLIFrameElement>(null);
  const [askingWhere, setAskingWhere] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const reportsFolder = (document?.suggestedFile ?? '').replace(/[\\/][^\\/]*$/, '');

  useEffect(() => {
    void load();
  }, [load]);

  const print = () => frame.current?.contentWindow?.print();

  // The menu's "Print monthly summary…" prints as soon as the summary is drawn in the frame (at
  // once when it already is).
  const [drawnHtml, setDrawnHtml] = useState<string | null>(null);
  const ready = document !== null && drawnHtml === document.html && !loading;
  useEffect(() => {
    if (printRequested && ready) {
      printDone();
      frame.current?.contentWindow?.print();
    }
  }, [printRequested, ready, printDone]);

  const saved = (file: string | null, pages: number | null) => {
    if (!file) return;
    const pageText = pages === null ? '' : ` (${pages} page${pages === 1 ? '' : 's'})`;
    notifications.show({ color: 'teal', title: 'Summary saved as PDF', message: `${file}${pageText}`, autoClose: 15_000 });
  };

  const saveWithDialog = async () => {
    try {
      const result = await savePdf();
      saved(result.file, result.pages);
    } catch (e) {
      notifications.show({ color: 'red', title: 'The PDF was not saved', message: errorMessage(e) });
    }
  };

  return (
    <>
      <PageHeader
        title="Reports"
        description="Your monthly summary on one page: takings, regulars, who to call and what customers said. Print it or save it as a PDF for your accountant or bank."
        actions={
          <>
            <Button variant="subtle" onClick={() => setScheduling(true)}>
              Save every month…
            </Button>
            <Button variant="default" onClick={print} disabled={!document || loading}>
              Print…
            </Button>
            <Button onClick={() => (hasNativeSaveDialog() ? void saveWithDialog() : setAskingWhere(true))} loading={saving} disabled={!document}>
              Save as PDF…
            </Button>
          </>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <Select label="Month" data={MONTH_OPTIONS} value={month} onChange={(value) => value && void setMonth(value)} allowDeselect={false} w={230} maxDropdownHeight={320} />
        <Select label="Paper size" data={PAPER_OPTIONS} value={paper} onChange={(value) => value && void setPaper(value as PaperChoice)} allowDeselect={false} w={260} />
        {loading && (
          <Group gap="xs" pb={8}>
            <Loader size="sm" />
            <Text fz="sm" c="dimmed">
              Working out the figures…
            </Text>
          </Group>
        )}
      </Group>
      {scheduled?.saved && scheduled.file && (
        <Alert color="teal" mb="md" title="Last month’s summary was saved automatically">
          {scheduled.file}
        </Alert>
      )}
      {error && <LoadError title="The summary could not be made" message={error} />}
      {document ? (
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: loading ? 0.6 : 1 }}>
          <iframe
            ref={frame}
            title={`Monthly summary, ${document.monthLabel}`}
            srcDoc={document.html}
            // No scripts can run in the summary; same-origin only lets this page print it.
            sandbox="allow-same-origin allow-modals"
            onLoad={() => setDrawnHtml(document.html)}
            style={{ display: 'block', width: '100%', height: 'calc(100vh - 250px)', minHeight: 420, border: 0, background: '#e9ecef' }}
          />
        </Paper>
      ) : (
        !error && (
          <Paper withBorder p="xl">
            <Text c="dimmed" ta="center">
              Preparing the summary…
            </Text>
          </Paper>
        )
      )}
      <ScheduleModal opened={scheduling} suggestedFolder={reportsFolder} onClose={() => setScheduling(false)} />
      <SavePdfModal opened={askingWhere} suggested={document?.suggestedFile ?? ''} onClose={() => setAskingWhere(false)} onSaved={saved} />
    </>
  );
}
