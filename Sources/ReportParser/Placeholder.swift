enum _ReportParserPlaceholder {}
