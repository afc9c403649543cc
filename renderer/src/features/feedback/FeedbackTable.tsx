import { Anchor, Button, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FeedbackRow } from '../../../../shared/domain/types';
import { errorMessage } from '../../lib/api-error';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useFormatters } from '../../stores/settings-store';
import { FollowUpBadge, NpsBadge, StarsShown } from '../common/FeedbackScores';

export function FeedbackTable({ rows, onMarkDone }: { rows: FeedbackRow[]; onMarkDone(row: FeedbackRow): void }) {
  const f = useFormatters();
  const setFollowUp = useFeedbackStore((s) => s.setFollowUp);

  async function reopen(row: FeedbackRow) {
    try {
      await setFollowUp(row.id, false);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not reopen', message: errorMessage(error) });
    }
  }

  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover layout="fixed">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w={120}>Date</Table.Th>
            <Table.Th w={200}>Customer</Table.Th>
            <Table.Th w={170}>Score</Table.Th>
            <Table.Th>Comment</Table.Th>
            <Table.Th w={190}>Follow-up</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td className="num" fz="sm">
                {f.date(row.date)}
              </Table.Td>
              <Table.Td>
                {row.customerId !== null ? (
                  <Anchor href={`#/customers/${row.customerId}`} fz="sm" fw={600} className="truncate" display="block">
                    {row.customerName ?? 'Unknown'}
                  </Anchor>
                ) : (
                  <Text fz="sm" c="dimmed">
                    Anonymous
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {row.nps !== null && <NpsBadge nps={row.nps} />}
                  {row.rating !== null && <StarsShown rating={row.rating} />}
                  {row.nps === null && row.rating === null && (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2} title={row.comment || undefined} c={row.comment ? undefined : 'dimmed'}>
                  {row.comment ? `“${row.comment}”` : 'No comment'}
                </Text>
              </Table.Td>
              <Table.Td>
                <FollowUpCell row={row} onMarkDone={() => onMarkDone(row)} onReopen={() => void reopen(row)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function FollowUpCell({ row, onMarkDone, onReopen }: { row: FeedbackRow; onMarkDone(): void; onReopen(): void }) {
  const who = row.customerName ?? 'this customer';
  if (row.followUp === 'open') {
    return (
      <Stack gap={4} align="flex-start">
        <FollowUpBadge state="open" />
        <Button size="compact-sm" variant="light" onClick={onMarkDone} aria-label={`Mark done: follow-up with ${who}`}>
          Mark done
        </Button>
      </Stack>
    );
  }
  if (row.followUp === 'done') {
    return (
      <Stack gap={4} align="flex-start">
        <Tooltip label={row.followUpNote || 'No note'} disabled={!row.followUpNote} multiline w={260}>
          <span>
            <FollowUpBadge state="done" />
          </span>
        </Tooltip>
        {row.followUpNote && (
          <Text fz="xs" c="dimmed" lineClamp={1}>
            {row.followUpNote}
          </Text>
        )}
        <Button size="compact-xs" variant="subtle" color="gray.7" onClick={onReopen} aria-label={`Reopen follow-up with ${who}`}>
          Reopen
        </Button>
      </Stack>
    );
  }
  return (
    <Text fz="sm" c="dimmed">
      —
    </Text>
  );
}
