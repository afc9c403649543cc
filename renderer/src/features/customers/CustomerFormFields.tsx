import { Group, SimpleGrid, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { CustomerFormValues } from './customer-form-values';

interface CustomerFormFieldsProps {
  values: CustomerFormValues;
  errors: Record<string, string>;
  onChange(values: CustomerFormValues): void;
  /** The add dialog keeps to the essentials; the customer page shows everything. */
  full?: boolean;
  autoFocusName?: boolean;
}

export function CustomerFormFields({ values, errors, onChange, full = false, autoFocusName = false }: CustomerFormFieldsProps) {
  const set = <K extends keyof CustomerFormValues>(key: K, value: CustomerFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <TextInput
        label="Name"
        required
        data-autofocus={autoFocusName || undefined}
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        autoComplete="off"
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Phone"
          type="tel"
          value={values.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errors.phone}
          autoComplete="off"
        />
        <TextInput
          label="Email"
          type="email"
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.email}
          autoComplete="off"
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Birthday"
          type="date"
          value={values.birthday}
          onChange={(e) => set('birthday', e.currentTarget.value)}
          error={errors.birthday}
        />
        {full ? (
          <TextInput
            label="Reference in your till"
            description="Their customer number elsewhere, to match imports"
            value={values.externalRef}
            onChange={(e) => set('externalRef', e.currentTarget.value)}
            error={errors.externalRef}
            autoComplete="off"
          />
        ) : (
          <div />
        )}
      </SimpleGrid>
      {full && (
        <TagsInput
          label="Tags"
          description="Short labels like “gluten-free” or “Saturday regular”; press Enter after each"
          value={values.tags}
          onChange={(tags) => set('tags', tags)}
          error={errors.tags}
          maxTags={20}
          clearable
        />
      )}
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        maxRows={6}
        value={values.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors.notes}
      />
      <Group>
        <Switch
          label="Happy to receive offers and news"
          checked={values.marketingConsent}
          onChange={(e) => set('marketingConsent', e.currentTarget.checked)}
        />
      </Group>
    </>
  );
}
