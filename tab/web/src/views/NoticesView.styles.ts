import { makeStyles, tokens } from '@fluentui/react-components';

export const useNoticesStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(320px, 1fr)',
    gap: tokens.spacingHorizontalL,
    maxWidth: '1300px',
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  outage: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  degraded: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  planned_maintenance: { borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}` },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});
