/** Where ingestion says what it did: a bolt Logger, the console or a test's recorder fits. */
export interface IngestLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** Says nothing: for callers that only read the results. */
export const SILENT_LOGGER: IngestLogger = { debug() {}, info() {}, warn() {} };
