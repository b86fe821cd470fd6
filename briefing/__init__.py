"""briefing: turn a folder of news articles into a source-cited PDF brief."""

__version__ = "0.1.0"
