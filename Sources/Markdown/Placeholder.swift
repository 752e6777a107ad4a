enum _MarkdownPlaceholder {}
