import { Badge, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { FIELD_LABELS, IMPORT_FIELDS, type DateOrder, type DecimalSeparator, type ImportField } from '../../../../shared/import/types';
import type { ImportReview } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import { StepCard } from './StepCard';

const FIELD_OPTIONS = [
  { value: 'ignore', label: FIELD_LABELS.ignore },
  ...IMPORT_FIELDS.map((field) => ({ value: field, label: FIELD_LABELS[field] })),
];

function mappingDescription(review: ImportReview): string {
  const basis = review.rememberedMapping
    ? 'Set as you chose last time for a file with these columns.'
    : review.layout
      ? `Recognised as ${review.layout}.`
      : 'Which column holds what.';
  return `${basis} Columns set to “Do not import” are left out. Regulars remembers your choice for files with the same columns.`;
}

/** The two ways of writing twelve and a half, so the owner recognises their file's style. */
const DECIMAL_OPTIONS = [
  { value: '.', label: '12.50' },
  { value: ',', label: '12,50' },
];

/** The three ways round a numeric date (05/03/24) can be written; Regulars' reading is preselected. */
const DATE_ORDER_OPTIONS = [
  { value: 'dmy', label: 'Day first' },
  { value: 'mdy', label: 'Month first' },
  { value: 'ymd', label: 'Year first' },
];

/** Each column of the file: its header, a few values, and the field it fills (or "Do not import"). */
export function MappingStep({ review, step }: { review: ImportReview; step: number }) {
  const setField = useImportStore((s) => s.setField);
  const setDecimal = useImportStore((s) => s.setDecimal);
  const answerDate = useImportStore((s) => s.answerDate);
  return (
    <StepCard
      step={step}
      title="Columns"
      description={mappingDescription(review)}
    >
      {review.facts.missingColumns.map((message) => (
        <Text key={message} c="red.9" fz="sm" role="alert">
          {message}
        </Text>
      ))}
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={6} striped="even" aria-label="Columns of the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">Column in the file</Table.Th>
              <Table.Th>Values, for example</Table.Th>
              <Table.Th w={240}>Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.columns.map((column) => (
              <Table.Tr key={column.index}>
                <Table.Td>
                  <Text fw={600} fz="sm" className="truncate">
                    {column.header || `Column ${column.index + 1}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {column.note && (
                    <Text fz="xs" mb={2}>
                      {column.note}
                    </Text>
                  )}
                  {column.samples.length === 0 ? (
                    <Text fz="sm" c="dimmed">
                      (empty)
                    </Text>
                  ) : (
                    <Text fz="sm" c="dimmed" lineClamp={1} title={column.samples.join(' · ')}>
                      {column.samples.join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Import column “${column.header || column.index + 1}” as`}
                    data={FIELD_OPTIONS}
                    value={column.field}
                    onChange={(value) => value && void setField(column.index, value as ImportField)}
                    allowDeselect={false}
                    size="xs"
                    rightSectionPointerEvents="none"
                    leftSection={column.field === 'ignore' ? <Badge size="xs" variant="light" color="gray" aria-hidden>off</Badge> : undefined}
                    leftSectionWidth={column.field === 'ignore' ? 42 : undefined}
                    comboboxProps={{ withinPortal: true }}
                  />
                  {column.decimal && (
                    <SegmentedControl
                      mt={6}
                      size="xs"
                      fullWidth
                      aria-label={`Decimal mark in “${column.header}”`}
                      value={column.decimal}
                      onChange={(value) => void setDecimal(column.index, value as DecimalSeparator)}
                      data={DECIMAL_OPTIONS}
                    />
                  )}
                  {column.dateOrder && (
                    <SegmentedControl
                      mt={6}
                      size="xs"
                      fullWidth
                      aria-label={`Which way round the dates in “${column.header}” are written`}
                      value={column.dateOrder}
                      onChange={(value) => void answerDate(column.index, value as DateOrder)}
                      data={DATE_ORDER_OPTIONS}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </StepCard>
  );
}
