"""chibo-desktop: offline records for a Party branch secretary."""

__version__ = "0.1.0"
