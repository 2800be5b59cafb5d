import { makeStyles, tokens } from '@fluentui/react-components';

export const useCountdownStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  icon: { flexShrink: 0, fontSize: '16px' },
  state: { fontWeight: tokens.fontWeightSemibold },
  running: { color: tokens.colorPaletteGreenForeground1 },
  at_risk: { color: tokens.colorPaletteDarkOrangeForeground1 },
  breached: { color: tokens.colorPaletteRedForeground1 },
  paused: { color: tokens.colorPaletteBlueForeground2 },
  met: { color: tokens.colorNeutralForeground3 },
  no_target: { color: tokens.colorNeutralForeground3 },
});
