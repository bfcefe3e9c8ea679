/** Where the driver ships this run's lines, as far as the launcher needs to know: how many have landed. */
export interface Destination {
  /** Events in the run's group/stream that arrived since the run started. */
  delivered(): Promise<number>;
  close(): Promise<void>;
}
