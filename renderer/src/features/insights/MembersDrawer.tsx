import { Anchor, Drawer, Loader, Table, Text } from '@mantine/core';
import { localDateOf } from '../../../../shared/domain/dates';
import { segmentById } from '../../../../shared/metrics/rfm';
import { MEMBERS_SHOWN, useInsightsStore, type MemberGroup } from '../../stores/insights-store';
import { useFormatters } from '../../stores/settings-store';
import { LoadError } from '../common/LoadError';
import { TIER_EXPLAIN } from './explanations';

function groupDescription(group: MemberGroup): string {
  return group.kind === 'segment' ? `${segmentById(group.id).description} ${segmentById(group.id).advice}` : TIER_EXPLAIN[group.id];
}

/** The customers of the segment or tier the owner clicked, biggest spenders first, each a link to their page. */
export function MembersDrawer() {
  const members = useInsightsStore((s) => s.members);
  const close = useInsightsStore((s) => s.closeMembers);
  const f = useFormatters();
  const today = localDateOf(new Date());
  const title = members ? `${members.label ?? 'Customers'}${members.total === null ? '' : ` · ${f.count(members.total)} ${members.total === 1 ? 'customer' : 'customers'}`}` : '';

  return (
    <Drawer opened={members !== null} onClose={close} position="right" size={560} title={title} closeButtonProps={{ 'aria-label': 'Close' }}>
      {members && (
        <>
          <Text fz="sm" c="dimmed" mb="md">
            {groupDescription(members.group)}
          </Text>
          {members.error && <LoadError title="The customers could not be loaded" message={members.error} />}
          {members.loading && <Loader aria-label="Loading customers" />}
          {!members.loading && members.total === 0 && <Text fz="sm">Nobody is in this group right now.</Text>}
          {members.rows.length > 0 && (
            <>
              {members.total !== null && members.total > members.rows.length && (
                <Text fz="xs" c="dimmed" mb="xs">
                  Showing the {f.count(members.rows.length)} biggest spenders of {f.count(members.total)}.
                </Text>
              )}
              <Table verticalSpacing={6} aria-label={`Customers in ${members.label ?? 'this group'}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Phone</Table.Th>
                    <Table.Th ta="right">Visits</Table.Th>
                    <Table.Th ta="right">Spent</Table.Th>
                    <Table.Th>Last visit</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.rows.slice(0, MEMBERS_SHOWN).map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td maw={170}>
                        <Anchor href={`#/customers/${row.id}`} fw={600} className="truncate" display="block">
                          {row.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {row.phone ? f.phone(row.phone) : '—'}
                      </Table.Td>
                      <Table.Td ta="right" className="num">
                        {f.count(row.visits)}
                      </Table.Td>
                      <Table.Td ta="right" className="num" style={{ whiteSpace: 'nowrap' }}>
                        {f.money(row.totalSpentCents, { whole: true })}
                      </Table.Td>
                      <Table.Td fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={f.date(row.lastVisit)}>
                        {f.ago(row.lastVisit, today)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
