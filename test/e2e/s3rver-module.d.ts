/** s3rver ships no types; this is the part test/e2e/s3rver.ts uses. */
declare module "s3rver" {
  interface S3rverOptions {
    address?: string;
    /** 0: a free port. */
    port?: number;
    silent?: boolean;
    /** Where buckets and objects are stored. */
    directory?: string;
  }
  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Starts listening; resolves to the bound address. */
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
