import { useState, type ReactNode } from 'react';
import { ActionIcon, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Feedback, TimelineEntry, Visit } from '../../../../shared/domain/types';
import { errorMessage } from '../../lib/api-error';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';
import { useFormatters } from '../../stores/settings-store';
import { FollowUpBadge, NpsBadge, StarsShown } from '../common/FeedbackScores';
import { IconCoin, IconEdit, IconFeedback, IconTrash } from '../common/icons';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EditVisitModal } from './EditVisitModal';

const TIMELINE_LIMIT = 200;

/** Visits and feedback, newest first. */
export function CustomerTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  const [editing, setEditing] = useState<Visit | null>(null);
  const [deleting, setDeleting] = useState<TimelineEntry | null>(null);
  const deleteVisit = useCustomerDetailStore((s) => s.deleteVisit);
  const deleteFeedback = useCustomerDetailStore((s) => s.deleteFeedback);
  const f = useFormatters();
  const shown = timeline.slice(0, TIMELINE_LIMIT);

  async function confirmDelete() {
    if (!deleting) return;
    try {
      if (deleting.kind === 'visit') await deleteVisit(deleting.visit.id);
      else await deleteFeedback(deleting.feedback.id);
      notifications.show({ color: 'gray', message: deleting.kind === 'visit' ? 'Visit deleted.' : 'Feedback deleted.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(error) });
    }
    setDeleting(null);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} fz="lg" id="timeline-title" mb="sm">
        History
      </Title>
      {timeline.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No visits or feedback yet. Use the form above, or press “Log a visit” next time they come in.
        </Text>
      ) : (
        <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((entry) =>
            entry.kind === 'visit' ? (
              <VisitLine key={`v${entry.visit.id}`} visit={entry.visit} onEdit={() => setEditing(entry.visit)} onDelete={() => setDeleting(entry)} />
            ) : (
              <FeedbackLine key={`f${entry.feedback.id}`} feedback={entry.feedback} onDelete={() => setDeleting(entry)} />
            ),
          )}
        </Stack>
      )}
      {timeline.length > TIMELINE_LIMIT && (
        <Text c="dimmed" fz="xs" mt="sm">
          Showing the latest {TIMELINE_LIMIT} of {f.count(timeline.length)} entries.
        </Text>
      )}
      <EditVisitModal visit={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={deleting?.kind === 'visit' ? 'Delete this visit?' : 'Delete this feedback?'}
        message={
          deleting?.kind === 'visit'
            ? `The visit on ${f.date(deleting.visit.date)} (${f.money(deleting.visit.amountCents)}) will be removed from the totals.`
            : 'This feedback will be removed for good.'
        }
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </Paper>
  );
}

function EntryLine({ icon, children, actions }: { icon: ReactNode; children: ReactNode; actions: ReactNode }) {
  return (
    <Group component="li" wrap="nowrap" gap="sm" py={10} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Text c="gray.6" style={{ display: 'flex' }}>
        {icon}
      </Text>
      <Group style={{ flex: 1, minWidth: 0 }} gap="sm" wrap="nowrap">
        {children}
      </Group>
      <Group gap={2} wrap="nowrap">
        {actions}
      </Group>
    </Group>
  );
}

function VisitLine({ visit, onEdit, onDelete }: { visit: Visit; onEdit(): void; onDelete(): void }) {
  const f = useFormatters();
  const when = f.date(visit.date);
  return (
    <EntryLine
      icon={<IconCoin size={18} />}
      actions={
        <>
          <Tooltip label="Edit visit">
            <ActionIcon variant="subtle" color="gray.7" onClick={onEdit} aria-label={`Edit visit on ${when}`}>
              <IconEdit size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete visit">
            <ActionIcon variant="subtle" color="gray.7" onClick={onDelete} aria-label={`Delete visit on ${when}`}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </>
      }
    >
      <Text fz="sm" className="num" w={110} style={{ flexShrink: 0 }}>
        {when}
      </Text>
      <Text fz="sm" fw={600} className="num" w={100} style={{ flexShrink: 0 }}>
        {f.money(visit.amountCents)}
      </Text>
      <Text fz="sm" c="dimmed" className="truncate">
        {visit.items || 'Visit'}
      </Text>
      {visit.importId !== null && (
        <Badge size="xs" variant="outline" color="gray.7">
          imported
        </Badge>
      )}
    </EntryLine>
  );
}

function FeedbackLine({ feedback, onDelete }: { feedback: Feedback; onDelete(): void }) {
  const f = useFormatters();
  const when = f.date(feedback.date);
  return (
    <EntryLine
      icon={<IconFeedback size={18} />}
      actions={
        <Tooltip label="Delete feedback">
          <ActionIcon variant="subtle" color="gray.7" onClick={onDelete} aria-label={`Delete feedback from ${when}`}>
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      }
    >
      <Text fz="sm" className="num" w={110} style={{ flexShrink: 0 }}>
        {when}
      </Text>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
        {feedback.nps !== null && <NpsBadge nps={feedback.nps} />}
        {feedback.rating !== null && <StarsShown rating={feedback.rating} />}
        {feedback.comment && (
          <Text fz="sm" className="truncate" title={feedback.comment}>
            “{feedback.comment}”
          </Text>
        )}
        <FollowUpBadge state={feedback.followUp} />
      </Group>
    </EntryLine>
  );
}
