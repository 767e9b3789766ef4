/**
 * The 11 corpus patterns that took seconds on a crafted string within their `@length` when every
 * pattern ran on RegExp (as `corpus.ts --growth` listed them before patterns at risk moved to
 * RE2; issue 14). The ReDoS test runs each on its worst case through the generated validator.
 */
export const KNOWN_CATASTROPHIC: readonly string[] = [
  "^arn:aws(-\\w+)*:[\\w\\d-]+:([\\w\\d-]*)?:[\\w\\d_-]*([:/].+)*$",
  "^(?:^[\\d\\w\\-_\\.+]*$)|(?:^arn:aws(-\\w+)*:[\\w\\d-]+:([\\w\\d-]*)?:[\\w\\d_-]*([:/].+)*$)$",
  "^(https?:\\/\\/)?(www\\.)?[a-zA-Z0-9-_]+([\\.]+[a-zA-Z]+)+[\\/\\w]*$",
  "^s3://[a-zA-Z0-9.-]{3,63}(/[a-zA-Z0-9!_.*'()/-]*)*$",
  "^((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$",
  "^[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$",
  "^arn:(aws|aws-cn|aws-iso|aws-iso-[a-z]{1}|aws-us-gov):iam::[0-9]{12}:role/(([^/][!-~]+/){1,511})?[A-Za-z0-9_+=,.@-]{1,64}$",
  "^([^/]([!-~]+/){1,511})?[A-Za-z0-9_+=,.@-]{1,64}$",
  "^s3[an]?://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/[^/].*)+$",
  "^arn:(.+:){2,4}.+$|^arn:(.+:){1,3}.+\\/.+$",
  "^\\$\\{(\\w+.)+\\w+\\}$",
];
