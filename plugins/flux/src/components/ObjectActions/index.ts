export { ObjectActions, type ObjectActionsProps } from './ObjectActions';
