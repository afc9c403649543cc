import { Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { plural, problemText, problemsCsv, problemsFileName, type ImportReview } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import type { ErrorChoice } from '../../stores/import-logic';
import { useFormatters } from '../../stores/settings-store';
import { StepCard } from './StepCard';

/** Rows listed on screen; the CSV download has every problem. */
const SHOWN_PROBLEMS = 200;

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Bad rows, each with row, column and a plain reason; then the owner's choice: skip them or fix the file. */
export function ProblemsStep({ review, step }: { review: ImportReview; step: number }) {
  const f = useFormatters();
  const errorChoice = useImportStore((s) => s.errorChoice);
  const setErrorChoice = useImportStore((s) => s.setErrorChoice);
  const problems = [...review.rowErrors, ...review.warnings].sort((a, b) => a.row - b.row);
  const errorCount = review.facts.errorCount;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const description =
    errorCount > 0
      ? `${plural(errorCount, 'row has a problem and cannot', 'rows have problems and cannot')} be imported as they are.`
      : `${plural(review.warningCount, 'value', 'values')} will be left empty; the rows themselves are fine.`;

  return (
    <StepCard step={step} title="Problems in the file" description={description} attention={errorCount > 0 && errorChoice === null}>
      <Table.ScrollContainer minWidth={600} maxHeight={260}>
        <Table verticalSpacing={4} stickyHeader aria-label="Problems in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Row</Table.Th>
              <Table.Th w="22%">Column</Table.Th>
              <Table.Th>What is wrong</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((problem, i) => (
              <Table.Tr key={`${problem.row}-${problem.column ?? ''}-${i}`}>
                <Table.Td className="num">{f.count(problem.row)}</Table.Td>
                <Table.Td>{problem.column ?? 'whole row'}</Table.Td>
                <Table.Td>
                  <Text fz="sm" c={problem.severity === 'error' ? 'red.9' : undefined}>
                    {problemText(problem)}
                    {problem.severity === 'warning' ? ' (the row is kept)' : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" align="center">
        <Text fz="xs" c="dimmed">
          {problems.length > shown.length ? `Showing the first ${f.count(shown.length)}; the download has them all.` : ' '}
        </Text>
        <Button variant="default" size="xs" onClick={() => downloadText(problemsFileName(review.fileName), problemsCsv(problems))}>
          Download the problems as CSV
        </Button>
      </Group>
      {errorCount > 0 && (
        <Radio.Group
          name="error-choice"
          label="What would you like to do?"
          value={errorChoice}
          onChange={(value) => setErrorChoice(value as ErrorChoice)}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="skip-bad-rows" label={`Import only the good rows (${f.count(Math.max(0, review.facts.goodRows))}) and leave the ${plural(errorCount, 'row', 'rows')} with problems out`} />
            <Radio value="fix-file" label="Fix the file first: I will correct it in my spreadsheet and drop it here again" />
          </Stack>
        </Radio.Group>
      )}
    </StepCard>
  );
}
