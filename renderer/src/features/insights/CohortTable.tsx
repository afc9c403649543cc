import { Paper, Table, Text, Title } from '@mantine/core';
import type { CohortRow } from '../../../../shared/metrics/cohorts';
import { cohortShade, strongestLaterShare } from '../../../../shared/metrics/reports';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { InfoTip } from '../common/InfoTip';
import { EXPLAIN } from './explanations';
import { monthLabel } from './month-label';

/** Light terracotta, stronger where more of a cohort came back; dark text stays readable on every shade. */
const cellBackground = (shade: number) => (shade > 0 ? `rgba(194, 65, 12, ${(0.06 + 0.44 * shade).toFixed(3)})` : undefined);

export function CohortTable({ rows }: { rows: CohortRow[] }) {
  const f = useFormatters();
  const locale = useSettingsStore((s) => s.settings.locale);
  const months = Math.max(0, ...rows.map((r) => r.sharePct.length));
  const strongest = strongestLaterShare(rows);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="cohorts-title">
      <Title order={2} fz="md" id="cohorts-title">
        <InfoTip explanation={EXPLAIN.cohorts}>Do new customers come back?</InfoTip>
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        Each row is the customers who first came that month; each column, how many months later. Cells show the share who visited.
      </Text>
      {rows.length === 0 ? (
        <Text fz="sm" c="dimmed" py="md" ta="center">
          No visits yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing={4} fz="xs" className="num" aria-label="Share of each month’s new customers who came back, by months since their first visit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>First month</Table.Th>
                <Table.Th ta="right">People</Table.Th>
                {Array.from({ length: months }, (_, i) => (
                  <Table.Th key={i} ta="center" title={i === 0 ? 'The month of the first visit' : `${i} month${i === 1 ? '' : 's'} later`}>
                    {i === 0 ? 'Start' : `+${i}`}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.cohort}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthLabel(row.cohort, locale)}</Table.Td>
                  <Table.Td ta="right">{f.count(row.size)}</Table.Td>
                  {Array.from({ length: months }, (_, i) => {
                    const pct = row.sharePct[i];
                    if (pct === undefined) return <Table.Td key={i} />;
                    const shade = i === 0 ? 1 : cohortShade(pct, strongest);
                    return (
                      <Table.Td
                        key={i}
                        ta="center"
                        title={`${row.counts[i] ?? 0} of ${row.size} came ${i === 0 ? 'in their first month' : `${i} month${i === 1 ? '' : 's'} later`}`}
                        style={{ background: cellBackground(shade), borderRadius: 3, color: '#1f1f1f' }}
                      >
                        {Math.round(pct)}%
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
