import { makeStyles, tokens } from '@fluentui/react-components';

export const useCountdownStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  // In a grid cell: up to two lines of small text, so "Brutt · 2 d 5 t arbeidstid over fristen" fits.
  cell: {
    whiteSpace: 'normal',
    alignItems: 'flex-start',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflow: 'hidden',
    maxHeight: `calc(2 * ${tokens.lineHeightBase200})`,
  },
  block: { flexDirection: 'column', alignItems: 'flex-start', whiteSpace: 'normal' },
  line: { display: 'inline-flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  icon: { flexShrink: 0, fontSize: '16px' },
  state: { fontWeight: tokens.fontWeightSemibold },
  running: { color: tokens.colorPaletteGreenForeground1 },
  at_risk: { color: tokens.colorPaletteDarkOrangeForeground1 },
  breached: { color: tokens.colorPaletteRedForeground1 },
  paused: { color: tokens.colorPaletteBlueForeground2 },
  met: { color: tokens.colorNeutralForeground3 },
  no_target: { color: tokens.colorNeutralForeground3 },
});
