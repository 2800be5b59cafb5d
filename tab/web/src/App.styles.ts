import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  devBanner: { flexShrink: 0 },
  nav: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: 0,
    '@media (max-width: 639px)': {
      paddingInline: tokens.spacingHorizontalS,
      columnGap: tokens.spacingHorizontalS,
    },
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    '@media (max-width: 639px)': { display: 'none' },
  },
  tabs: { minWidth: 0, maxWidth: '100%', flexShrink: 1, overflowX: 'auto' },
  user: {
    marginLeft: 'auto',
    color: tokens.colorNeutralForeground3,
    '@media (max-width: 639px)': { display: 'none' },
  },
  main: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    padding: tokens.spacingHorizontalL,
    '@media (max-width: 639px)': { padding: tokens.spacingHorizontalS },
  },
  center: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: 'clamp(16px, 5vw, 48px)',
    alignItems: 'flex-start',
  },
});
