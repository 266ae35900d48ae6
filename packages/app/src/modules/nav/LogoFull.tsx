import { makeStyles, Typography } from '@material-ui/core';

const useStyles = makeStyles({
  title: {
    color: '#7df3e1',
    fontWeight: 700,
    fontSize: 22,
    whiteSpace: 'nowrap',
    lineHeight: '30px',
  },
});

/** The "Flux Portal" wordmark shown in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <Typography component="span" className={classes.title}>
      Flux Portal
    </Typography>
  );
};
