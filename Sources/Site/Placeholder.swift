enum _SitePlaceholder {}
