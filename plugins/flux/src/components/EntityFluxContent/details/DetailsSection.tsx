import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A titled part of an object's details. */
export function DetailsSection(props: {
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
