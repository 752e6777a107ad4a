// Client-side search: see issue 5.
