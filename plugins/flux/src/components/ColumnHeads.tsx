import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** A table's head: one row of column titles. */
export function ColumnHeads(props: { columns: readonly string[] }) {
  return (
    <TableHead>
      <TableRow>
        {props.columns.map(column => (
          <TableCell key={column}>{column}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
