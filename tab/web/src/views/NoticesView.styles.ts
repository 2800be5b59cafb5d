import { makeStyles, tokens } from '@fluentui/react-components';

export const useNoticesStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(min(320px, 100%), 1fr)',
    '@media (max-width: 799px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
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
  editor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
  },
  editorButtons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dateTime: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(140px, 100%), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});
