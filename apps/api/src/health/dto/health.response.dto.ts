/** Sent with status 200 when `ok`, with 503 otherwise. */
export class HealthStatus {
  status: 'ok' | 'unavailable';
  /** The main database and the key store both answer. */
  postgres: boolean;
  redis: boolean;
}
