import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A warm terracotta: friendly for a bakery or a salon, and dark enough at the shades we use for text
 * and filled buttons to pass WCAG AA contrast on white (shade 6 is 5.2:1).
 */
const terracotta: MantineColorsTuple = [
  '#fff7ed',
  '#ffedd5',
  '#fed7aa',
  '#fdba74',
  '#fb923c',
  '#f97316',
  '#c2410c',
  '#a8380a',
  '#9a3412',
  '#7c2d12',
];

export const theme = createTheme({
  primaryColor: 'terracotta',
  primaryShade: 6,
  colors: { terracotta },
  // The system's own fonts: nothing to download, and it looks native on every machine.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: {
      defaultProps: { radius: 'md', centered: true, closeButtonProps: { 'aria-label': 'Close' } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } } },
    // The little messages after an action ("Visit logged for …"): a named close button, and the
    // message in our readable grey rather than Mantine's lighter one (which fails AA contrast on white).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
  },
});

/**
 * Mantine's "dimmed" grey (#868e96) is too faint to read comfortably (3.3:1 on white); ours keeps
 * helper texts quiet but above the 4.5:1 WCAG AA line on white and on the warm page background.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5f6770' },
  dark: {},
});
