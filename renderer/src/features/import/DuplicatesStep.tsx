import { SegmentedControl, Table, Text } from '@mantine/core';
import type { ImportReview } from '../../stores/import-logic';
import { useImportStore, type DuplicateDecision } from '../../stores/import-store';
import { useFormatters } from '../../stores/settings-store';
import { StepCard } from './StepCard';

function Person({ name, detail }: { name: string | null; detail: string | null }) {
  return (
    <>
      <Text fz="sm" fw={600}>
        {name ?? '(no name)'}
      </Text>
      {detail && (
        <Text fz="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </>
  );
}

/** People who look like someone already in Regulars: the owner decides, nothing is merged silently. */
export function DuplicatesStep({ review, step }: { review: ImportReview; step: number }) {
  const f = useFormatters();
  const decisions = useImportStore((s) => s.duplicateDecisions);
  const decide = useImportStore((s) => s.decideDuplicate);
  return (
    <StepCard
      step={step}
      title="Possibly the same person"
      description="These look like customers you already have. Choose “Same person” to add to the existing customer, or keep them apart."
    >
      <Table.ScrollContainer minWidth={600} maxHeight={260}>
        <Table verticalSpacing={6} aria-label="Possible duplicates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">In the file</Table.Th>
              <Table.Th w="22%">Already in Regulars</Table.Th>
              <Table.Th>Why they look alike</Table.Th>
              <Table.Th w={230}>Decision</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.duplicates.map((d) => (
              <Table.Tr key={d.key}>
                <Table.Td>
                  <Person name={d.inFile.name} detail={d.inFile.email ?? (d.inFile.phone ? f.phone(d.inFile.phone) : null)} />
                  <Text fz="xs" c="dimmed">
                    row {f.count(d.row)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Person name={d.existing.name} detail={d.existing.email ?? (d.existing.phone ? f.phone(d.existing.phone) : null)} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed">
                    {d.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={`Is ${d.inFile.name ?? `row ${d.row}`} the same person as ${d.existing.name}?`}
                    value={decisions[d.key] ?? 'separate'}
                    onChange={(value) => decide(d.key, value as DuplicateDecision)}
                    data={[
                      { value: 'separate', label: 'Different people' },
                      { value: 'merge', label: 'Same person' },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </StepCard>
  );
}
