export { rootModule } from './rootModule';
