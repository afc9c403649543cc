import { Button, Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import type { SegmentSummaryRow } from '../../../../shared/metrics/reports';
import { segmentById } from '../../../../shared/metrics/rfm';
import { useInsightsStore } from '../../stores/insights-store';
import { useFormatters } from '../../stores/settings-store';
import { InfoTip } from '../common/InfoTip';
import { EXPLAIN } from './explanations';

/** The ten segments: who they are, how many, what they bring in, and what to do; a click lists them. */
export function SegmentTable({ rows }: { rows: SegmentSummaryRow[] }) {
  const f = useFormatters();
  const openMembers = useInsightsStore((s) => s.openMembers);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="segments-title">
      <Title order={2} fz="lg" id="segments-title" mb={4}>
        <InfoTip explanation={EXPLAIN.segments}>Customer groups</InfoTip>
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        By how recently and how often people come. Click a group to see who is in it.
      </Text>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">
              <InfoTip explanation={EXPLAIN.segmentCustomers}>Customers</InfoTip>
            </Table.Th>
            <Table.Th w={170}>
              <InfoTip explanation={EXPLAIN.segmentRevenue}>Share of takings</InfoTip>
            </Table.Th>
            <Table.Th ta="right">
              <InfoTip explanation={EXPLAIN.segmentAverage}>Average spent</InfoTip>
            </Table.Th>
            <Table.Th>What to do</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.segment} c={row.customers === 0 ? 'dimmed' : undefined}>
              <Table.Td>
                {row.customers === 0 ? (
                  <Text fz="sm" fw={650} px={4} title={segmentById(row.segment).description}>
                    {row.label}
                  </Text>
                ) : (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    px={4}
                    fw={650}
                    onClick={() => void openMembers({ kind: 'segment', id: row.segment })}
                    aria-label={`${row.label}: show the ${row.customers} ${row.customers === 1 ? 'customer' : 'customers'}. ${segmentById(row.segment).description}`}
                    title={segmentById(row.segment).description}
                  >
                    {row.label}
                  </Button>
                )}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {f.count(row.customers)}
                <Text span fz="xs" c="dimmed">
                  {' '}
                  ({Math.round(row.customerSharePct)}%)
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <Progress value={row.revenueSharePct} w={90} size="md" aria-label={`${row.label}: share of takings`} />
                  <Text fz="sm" className="num">
                    {Math.round(row.revenueSharePct)}%
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right" className="num">
                {row.averageRevenueCents === null ? '—' : f.money(row.averageRevenueCents, { whole: true })}
              </Table.Td>
              <Table.Td fz="sm" maw={360}>
                {row.advice}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
