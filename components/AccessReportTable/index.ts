export { AccessReportTable, type AccessReportTableProps } from './AccessReportTable';
