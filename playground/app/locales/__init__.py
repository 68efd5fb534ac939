"""Per-language message catalogues: `en/` and `ko/`, one file per page or area."""
