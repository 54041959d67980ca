/** What the state modules log through: Bolt's logger and `console` both fit. */
export interface StateLogger {
  info(message: string): void;
  warn(message: string): void;
}
