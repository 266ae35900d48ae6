import SyncIcon from '@material-ui/icons/Sync';

/** The nav and page icon. */
export const fluxIcon = <SyncIcon fontSize="inherit" />;
