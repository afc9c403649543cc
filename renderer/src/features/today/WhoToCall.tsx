import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CallEntry } from '../../../../shared/metrics/call-list';
import { CALL_SECTIONS, callListProgress, entriesLeft, entryKey, useCallListStore, type CallSection } from '../../stores/call-list-store';
import { useFormatters } from '../../stores/settings-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import type { Formatters } from '../../lib/format';
import { IconCheck } from '../common/icons';
import { InfoTip } from '../common/InfoTip';
import { LoadError } from '../common/LoadError';

const SECTION_INFO: Record<CallSection, { title: string; explanation: string }> = {
  overdueRegulars: {
    title: 'Regulars who are overdue',
    explanation: 'Customers who have come on at least three days and are now well past their usual gap between visits. Biggest spenders first.',
  },
  highValueAtRisk: {
    title: 'Valuable customers slipping away',
    explanation: 'High or medium value customers who used to come often but have not been back for a while compared with your other customers.',
  },
  detractors: {
    title: 'Unhappy customers to call back',
    explanation: 'Customers who gave a score of 6 or less (or one or two stars) and whose follow-up is still open, newest first. “Done” also closes the follow-up.',
  },
  promoters: {
    title: 'Fans to ask for a review',
    explanation: 'Customers who gave 9 or 10 (or five stars) in the last 30 days: a good moment to ask for an online review or a referral.',
  },
  birthdays: { title: 'Birthdays this week', explanation: 'Customers whose birthday is in the next seven days.' },
};

/** The reasons name dates as YYYY-MM-DD; the owner reads them in their own date format. */
function withLocalDates(text: string, f: Formatters): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => f.date(date));
}

/** Entries shown per section before "Show more". */
const FIRST_SHOWN = 4;

function CallRow({ entry }: { entry: CallEntry }) {
  const f = useFormatters();
  const saving = useCallListStore((s) => s.saving[entryKey(entry)] === true);
  const markDone = useCallListStore((s) => s.markDone);
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      py={8}
      gap="md"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="call-entry"
      data-entry={entryKey(entry)}
    >
      <div style={{ minWidth: 0, flex: 1 }}>
        <Group gap="sm" wrap="nowrap">
          <Anchor href={`#/customers/${entry.customerId}`} fw={600} className="truncate" maw={260}>
            {entry.name}
          </Anchor>
          {entry.phone ? (
            <Text fz="sm" className="num" style={{ whiteSpace: 'nowrap' }}>
              {f.phone(entry.phone)}
            </Text>
          ) : (
            <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {entry.email ?? 'no phone number'}
            </Text>
          )}
          <Text fz="xs" c="dimmed" className="num" style={{ whiteSpace: 'nowrap' }} title="What they have spent with you so far">
            {f.money(entry.revenueCents, { whole: true })} so far
          </Text>
        </Group>
        <Text fz="sm" c="dimmed" lineClamp={2}>
          {withLocalDates(entry.why, f)}
        </Text>
      </div>
      <Button
        variant="light"
        size="compact-sm"
        leftSection={<IconCheck size={16} />}
        loading={saving}
        onClick={() => void markDone(entry)}
        aria-label={`Done: ${entry.name}`}
        style={{ flexShrink: 0 }}
      >
        Done
      </Button>
    </Group>
  );
}

/** One reason's entries: the first few, and the rest a click away so the page stays short. */
function CallSectionList({ section, entries }: { section: CallSection; entries: CallEntry[] }) {
  const [expanded, setExpanded] = useState(false);
  const setFeedbackFilter = useFeedbackStore((s) => s.setFilter);
  const info = SECTION_INFO[section];
  const shown = expanded ? entries : entries.slice(0, FIRST_SHOWN);
  return (
    <div role="group" aria-label={info.title}>
      <Group gap="xs" mb={2}>
        <Text fw={650} fz="sm" component="h3" m={0}>
          <InfoTip explanation={info.explanation}>{info.title}</InfoTip>
        </Text>
        <Text fz="xs" c="dimmed" className="num">
          ({entries.length})
        </Text>
        {section === 'detractors' && (
          <Anchor href="#/feedback" fz="xs" ml="auto" onClick={() => setFeedbackFilter('open')}>
            All open follow-ups
          </Anchor>
        )}
      </Group>
      {shown.map((entry) => (
        <CallRow key={entryKey(entry)} entry={entry} />
      ))}
      {entries.length > FIRST_SHOWN && (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show ${entries.length - FIRST_SHOWN} more`}
        </Button>
      )}
    </div>
  );
}

/** "Who to call this week": the call list, one section per reason, each entry with a one-click done. */
export function WhoToCall() {
  const view = useCallListStore((s) => s.view);
  const error = useCallListStore((s) => s.error);
  const doneError = useCallListStore((s) => s.doneError);
  const f = useFormatters();

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="who-to-call-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="who-to-call-title">
          Who to call this week
        </Title>
        {view && (
          <Text fz="sm" c="dimmed">
            {callListProgress(view, f.count)}
          </Text>
        )}
      </Group>
      {error && !view && <LoadError title="The call list could not be worked out" message={error} />}
      {doneError && <LoadError title="That could not be marked done" message={doneError} />}
      {!view && !error && (
        <Text fz="sm" c="dimmed" role="status">
          Working out who to call…
        </Text>
      )}
      {view && entriesLeft(view) === 0 && (
        <Text fz="sm" c="dimmed">
          Nobody to call right now. Regulars who are late for their usual visit, unhappy customers, fans and birthdays show up here.
        </Text>
      )}
      {view && (
        <Stack gap="md">
          {CALL_SECTIONS.filter((section) => view[section].length > 0).map((section) => (
            <CallSectionList key={section} section={section} entries={view[section]} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
