import { makeStyles, tokens } from '@fluentui/react-components';

export const useConfigStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '640px',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
  },
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  url: {
    fontFamily: tokens.fontFamilyMonospace,
    wordBreak: 'break-all',
  },
});
