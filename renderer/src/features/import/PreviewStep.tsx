import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import type { PreviewRowView } from '../../../../shared/import/preview-types';
import type { CustomerFacts, ImportField, ImportKind, ImportRecord } from '../../../../shared/import/types';
import type { Formatters } from '../../lib/format';
import { problemText, type ImportReview } from '../../stores/import-logic';
import { useFormatters } from '../../stores/settings-store';
import { StepCard } from './StepCard';

interface PreviewColumn {
  label: string;
  numeric?: boolean;
  /** The file's fields this column shows: while no row can be shown yet, only mapped ones are listed. */
  fields: readonly ImportField[];
  value(record: ImportRecord, f: Formatters): ReactNode;
}

const PERSON: readonly ImportField[] = ['name', 'firstName', 'lastName', 'email', 'phone', 'externalRef'];

const dash = (text: string | null | undefined) => (text && text.trim() !== '' ? text : '—');
const who = (customer: CustomerFacts | null) => (customer ? dash(customer.name ?? customer.email ?? customer.phone ?? customer.externalRef) : 'Anonymous');
const phone = (customer: CustomerFacts | null, f: Formatters) => (customer?.phone ? f.phone(customer.phone) : '—');

/** The columns of the preview for each kind: the record as it will be stored, in the shop's formats. */
const PREVIEW_COLUMNS: Record<ImportKind, PreviewColumn[]> = {
  customers: [
    { label: 'Name', fields: PERSON, value: (r) => who(r.customer) },
    { label: 'Email', fields: ['email'], value: (r) => dash(r.customer?.email) },
    { label: 'Phone', fields: ['phone'], value: (r, f) => phone(r.customer, f) },
    { label: 'Birthday', fields: ['birthday'], value: (r, f) => (r.customer?.birthday ? f.date(r.customer.birthday) : '—') },
    { label: 'Tags', fields: ['tags'], value: (r) => (r.customer?.tags.length ? r.customer.tags.join(', ') : '—') },
    { label: 'Notes', fields: ['notes'], value: (r) => dash(r.customer?.notes) },
  ],
  visits: [
    { label: 'Date', fields: ['date'], value: (r, f) => ('date' in r ? f.date(r.date) : '—') },
    { label: 'Customer', fields: PERSON, value: (r) => who(r.customer) },
    { label: 'Phone', fields: ['phone'], value: (r, f) => phone(r.customer, f) },
    { label: 'Amount', fields: ['amount'], numeric: true, value: (r, f) => ('amountCents' in r ? f.money(r.amountCents) : '—') },
    { label: 'Items', fields: ['items'], value: (r) => ('items' in r ? dash(r.items) : '—') },
  ],
  feedback: [
    { label: 'Date', fields: ['date'], value: (r, f) => ('date' in r ? f.date(r.date) : '—') },
    { label: 'Customer', fields: PERSON, value: (r) => who(r.customer) },
    { label: 'Score (0–10)', fields: ['nps'], numeric: true, value: (r) => ('nps' in r && r.nps !== null ? String(r.nps) : '—') },
    { label: 'Stars (1–5)', fields: ['rating'], numeric: true, value: (r) => ('rating' in r && r.rating !== null ? String(r.rating) : '—') },
    { label: 'Comment', fields: ['comment'], value: (r) => ('comment' in r ? dash(r.comment) : '—') },
  ],
};

function LeftOut({ row, span }: { row: PreviewRowView; span: number }) {
  const problem = row.problems.find((p) => p.severity === 'error');
  return (
    <Table.Td colSpan={span}>
      <Text fz="sm" c={problem ? 'red.9' : 'dimmed'}>
        {problem ? `Problem: ${problem.column ? `${problem.column}: ` : ''}${problemText(problem)}` : 'Waiting for your answers above.'}
      </Text>
    </Table.Td>
  );
}

/** The first rows exactly as they will be stored: parsed dates, amounts in the shop's currency. */
export function PreviewStep({ review, step }: { review: ImportReview; step: number }) {
  const f = useFormatters();
  // A column the file leaves empty everywhere (no phones in a till export) is only noise here.
  const stored = review.rows.flatMap((r) => (r.record ? [r.record] : []));
  // Until a row can be shown (a question is open), the columns the file maps to.
  const mapped = new Set(review.columns.map((c) => c.field));
  const columns =
    stored.length > 0
      ? PREVIEW_COLUMNS[review.kind].filter((c) => stored.some((record) => c.value(record, f) !== '—'))
      : PREVIEW_COLUMNS[review.kind].filter((c) => c.fields.some((field) => mapped.has(field)));
  const waiting = review.facts.dateQuestions.length > 0 || review.facts.missingColumns.length > 0;
  return (
    <StepCard
      step={step}
      title="How the rows will be saved"
      description={
        review.rows.length >= review.rowsRead
          ? review.rowsRead === 1
            ? 'The file’s one row, as Regulars will store it.'
            : `All ${f.count(review.rowsRead)} rows, as Regulars will store them.`
          : `The first ${f.count(review.rows.length)} of ${f.count(review.rowsRead)} rows, as Regulars will store them.`
      }
    >
      {waiting && (
        <Text fz="sm" c="dimmed">
          Answer the questions above to see the dates and customers as they will be saved.
        </Text>
      )}
      <Table.ScrollContainer minWidth={640} maxHeight={340}>
        <Table verticalSpacing={4} striped="even" stickyHeader aria-label="Preview of the rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>Row</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.label} ta={c.numeric ? 'right' : undefined}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.rows.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td className="num" c="dimmed">
                  {f.count(row.row)}
                </Table.Td>
                {row.record === null ? (
                  <LeftOut row={row} span={columns.length} />
                ) : (
                  columns.map((c) => (
                    <Table.Td key={c.label} ta={c.numeric ? 'right' : undefined} className={c.numeric ? 'num' : undefined}>
                      <Text fz="sm" lineClamp={1}>
                        {c.value(row.record!, f)}
                      </Text>
                    </Table.Td>
                  ))
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </StepCard>
  );
}
