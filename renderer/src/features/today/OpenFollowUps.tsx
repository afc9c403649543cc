import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { localDateOf } from '../../../../shared/domain/dates';
import { useOverviewStore } from '../../stores/overview-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useFormatters } from '../../stores/settings-store';
import { FeedbackSummary } from '../common/FeedbackScores';

export function OpenFollowUps() {
  const rows = useOverviewStore((s) => s.openFollowUps);
  const total = useOverviewStore((s) => s.overview?.openFollowUps ?? 0);
  const setFilter = useFeedbackStore((s) => s.setFilter);
  const f = useFormatters();
  const today = localDateOf(new Date());

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="open-follow-ups-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="open-follow-ups-title">
          Customers to call back
        </Title>
        {total > 0 && (
          <Anchor href="#/feedback" fz="sm" onClick={() => setFilter('open')}>
            See all {f.count(total)}
          </Anchor>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" fz="sm">
          Nobody is waiting for a call. Unhappy feedback (a score of 6 or less, or one or two stars) shows up here.
        </Text>
      ) : (
        <Stack gap={0}>
          {rows.map((row) => (
            <Group
              key={row.id}
              justify="space-between"
              wrap="nowrap"
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
                {row.customerId !== null ? (
                  <Anchor href={`#/customers/${row.customerId}`} fw={600} className="truncate" maw={220}>
                    {row.customerName ?? 'Unknown customer'}
                  </Anchor>
                ) : (
                  <Text fw={600}>Anonymous</Text>
                )}
                <FeedbackSummary nps={row.nps} rating={row.rating} comment={row.comment} />
              </Group>
              <Text fz="sm" c="dimmed" className="num" style={{ flexShrink: 0 }} title={f.date(row.date)}>
                {f.ago(row.date, today)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
