export { ViewerReport, type ViewerReportProps } from './ViewerReport';
