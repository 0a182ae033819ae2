// A calm, professional look: muted teal, generous spacing, system fonts, visible keyboard focus.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "Roboto Mono", Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  components: {
    // Field errors are announced when they appear.
    InputError: { defaultProps: { role: 'alert' } },
  },
});
