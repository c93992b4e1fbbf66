export { RecycleBin, type RecycleBinProps } from './RecycleBin';
