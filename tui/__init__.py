"""seedreader: read several articles about one story side by side and cross-check their claims."""

__version__ = "0.1.0"
