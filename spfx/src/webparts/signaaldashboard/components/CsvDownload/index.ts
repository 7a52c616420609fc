export { CsvDownloadButton, type CsvDownloadButtonProps } from './CsvDownloadButton';
