import { makeStyles, Typography } from '@material-ui/core';

const useStyles = makeStyles({
  title: {
    color: '#7df3e1',
    fontWeight: 700,
    fontSize: 22,
    lineHeight: '28px',
  },
});

/** The compact mark shown in the closed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <Typography
      component="span"
      className={classes.title}
      aria-label="Flux Portal"
    >
      FP
    </Typography>
  );
};
