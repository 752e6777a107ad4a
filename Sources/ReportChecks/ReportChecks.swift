public enum ReportChecks {}
