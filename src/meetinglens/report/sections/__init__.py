"""Per-analyzer report sections: module <analyzer>.py with html(result, report) -> str (and optionally markdown(result, report) -> str)."""
