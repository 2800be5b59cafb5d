import { makeStyles, tokens } from '@fluentui/react-components';

export const useCasesStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    height: '100%',
    minHeight: 0,
  },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  search: { minWidth: '260px' },
  filter: { width: '180px' },
  control: { minWidth: 'auto', width: '100%' },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  summary: { color: tokens.colorNeutralForeground3 },
  gridBox: {
    flexGrow: 1,
    minHeight: '200px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  grid: { minWidth: '1100px' },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  ref: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});
