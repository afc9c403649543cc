import { useEffect, useState } from 'react';
import { Button, Group, Pagination, Paper, SegmentedControl, Text } from '@mantine/core';
import { IconPlus } from '../common/icons';
import type { FeedbackRow } from '../../../../shared/domain/types';
import type { FeedbackFilter } from '../../../../shared/ipc/schemas';
import { FEEDBACK_PAGE_SIZE, useFeedbackStore } from '../../stores/feedback-store';
import { useQuickLogStore } from '../../stores/quick-log-store';
import { useFormatters } from '../../stores/settings-store';
import { PageHeader } from '../common/PageHeader';
import { FeedbackTable } from './FeedbackTable';
import { MarkDoneModal } from './MarkDoneModal';
import { LoadError } from '../common/LoadError';

const FILTERS: { value: FeedbackFilter; label: string; empty: string }[] = [
  { value: 'all', label: 'All', empty: 'No feedback yet. Ask a customer how it went and note it with “Log feedback”.' },
  { value: 'open', label: 'Open follow-ups', empty: 'Nobody is waiting for a call. Well done!' },
  { value: 'detractors', label: 'Unhappy (0–6)', empty: 'Nobody gave a recommend score of 6 or less.' },
  { value: 'lowRatings', label: 'Low ratings (1–2 ★)', empty: 'Nobody gave one or two stars.' },
];

export function FeedbackPage() {
  const { filter, page, rows, total, loaded, error, load, setFilter, setPage } = useFeedbackStore();
  const [closing, setClosing] = useState<FeedbackRow | null>(null);
  const openQuickLog = useQuickLogStore((s) => s.open);
  const f = useFormatters();

  useEffect(() => {
    void load();
  }, [load]);

  const current = FILTERS.find((x) => x.value === filter) ?? FILTERS[0]!;
  const pages = Math.max(1, Math.ceil(total / FEEDBACK_PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Feedback"
        description="What customers told you. A low score opens a follow-up, so nobody unhappy is forgotten."
        actions={
          <Button leftSection={<IconPlus />} onClick={() => openQuickLog(undefined, 'feedback')}>
            Log feedback
          </Button>
        }
      />
      <Group justify="space-between" mb="md">
        <SegmentedControl
          aria-label="Show feedback"
          value={filter}
          onChange={(value) => setFilter(value as FeedbackFilter)}
          data={FILTERS.map(({ value, label }) => ({ value, label }))}
        />
        {loaded && (
          <Text fz="sm" c="dimmed" className="num">
            {f.count(total)} {total === 1 ? 'entry' : 'entries'}
          </Text>
        )}
      </Group>
      {error && <LoadError title="Feedback could not be loaded" message={error} />}
      {loaded && rows.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {current.empty}
          </Text>
        </Paper>
      ) : (
        <FeedbackTable rows={rows} onMarkDone={setClosing} />
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': `${control} page` })} />
        </Group>
      )}
      <MarkDoneModal row={closing} onClose={() => setClosing(null)} />
    </>
  );
}
