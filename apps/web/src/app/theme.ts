import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** System fonts only: the app must not fetch fonts from anywhere (CSP, offline machines). */
const FONT_STACK =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/**
 * One primary colour (indigo) at a shade dark enough for white text (5.7:1), and
 * secondary text darker than Mantine's default so it passes WCAG AA on white and
 * on the light grey surfaces.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  fontFamily: FONT_STACK,
  headings: {
    fontFamily: FONT_STACK,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: 'clamp(1.75rem, 1.4rem + 1.4vw, 2.25rem)', lineHeight: '1.2' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Badges never cut their words off ("Partly verif…"): a long label wraps instead.
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' }, label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip' } } },
    // Links are underlined, so they are told from text by more than colour (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    // Every field in our forms is required unless its description says "Optional", so no
    // asterisks: they also leak into accessible names ("Password *") that tests select by.
    // Mantine's default close button has no name, and its grey description is too light.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
    InputWrapper: { defaultProps: { withAsterisk: false } },
    // Named without "password" so the field itself is the only thing labelled "Password".
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show or hide the characters' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-success': 'var(--mantine-color-teal-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Text on "light" teal and red surfaces (badges, alerts) is darkened to pass AA.
    '--mantine-color-teal-light-color': '#066a4c',
    '--mantine-color-red-light-color': '#b02525',
    // Yellow and orange light badges ("Partly verified") were 2.7:1; these reach 7:1.
    '--mantine-color-yellow-light-color': '#5c3d00',
    '--mantine-color-orange-light-color': '#7a3300',
  },
  dark: {},
});
