import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // shade 8: links and filled buttons keep 4.5:1 contrast on white
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
});

// Contrast (WCAG AA 4.5:1): Mantine's default dimmed text and light-variant badge text are too pale; these shades
// keep at least 4.5:1 on white and on each colour's light background.
const LIGHT_TEXT: Record<string, string> = {
  green: '#1e6b30',
  blue: '#1864ab',
  orange: '#9c3b06',
  red: '#a61e1e',
  indigo: '#2c3e9e',
  yellow: '#7a5a00',
  gray: '#343a40',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([color, value]) => [`--mantine-color-${color}-light-color`, value])),
  },
  dark: {},
});
