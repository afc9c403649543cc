import { Paper, Tabs } from '@mantine/core';
import { LogVisitForm } from './LogVisitForm';
import { LogFeedbackForm } from './LogFeedbackForm';

/** Record a visit or what the customer said, right on their page. */
export function QuickEntryForms() {
  return (
    <Paper withBorder p="md" component="section" aria-label="Add to this customer">
      <Tabs defaultValue="visit" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="visit">Log a visit</Tabs.Tab>
          <Tabs.Tab value="feedback">Log feedback</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="visit">
          <LogVisitForm />
        </Tabs.Panel>
        <Tabs.Panel value="feedback">
          <LogFeedbackForm />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
