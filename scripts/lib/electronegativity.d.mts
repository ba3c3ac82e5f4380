export declare const SEVERITIES: readonly ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Relative to the scanned root, with forward slashes. */
  file: string;
  line: number;
  /** The flagged source line. */
  sample: string;
  manualReview: boolean;
}

export interface Scan {
  checks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  findings: Finding[];
}

export interface AcceptedFinding {
  check: string;
  file: string;
  /** A piece of the flagged line. */
  code: string;
  falsePositive?: boolean;
  reason: string;
}

export declare function scanSources(options: { root: string; inputs: string[]; excludedChecks: string[]; electronVersion: string }): Promise<Scan>;

export declare function evaluateFindings(
  scan: Scan,
  config: { failAt: Severity; accepted: AcceptedFinding[] },
): { ok: boolean; problems: string[]; reported: Array<Finding & { accepted: string | undefined }> };
