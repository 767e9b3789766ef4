/** The two local AWS servers ship no types; this is the part the tests use. */
interface LocalAwsServer {
  listen(port: number, host: string, callback: (error?: Error) => void): void;
  address(): { port: number } | string | null;
  close(callback?: (error?: Error) => void): void;
}

declare module "dynalite" {
  /** An in-memory DynamoDB when `path` is not given. Delays are how long a table stays CREATING/DELETING. */
  export default function dynalite(options?: {
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    path?: string;
  }): LocalAwsServer;
}

declare module "kinesalite" {
  /** An in-memory Kinesis when `path` is not given. Delays are how long a stream stays CREATING/DELETING. */
  export default function kinesalite(options?: {
    createStreamMs?: number;
    deleteStreamMs?: number;
    updateStreamMs?: number;
    path?: string;
  }): LocalAwsServer;
}
