"""One exception family, so the CLI can turn any expected failure into one line."""


class BriefingError(Exception):
    """Base for every failure the user can act on; the message is shown as is."""

    exit_code = 1


class ConfigError(BriefingError):
    """The configuration file is missing, malformed or invalid."""

    exit_code = 2


class UsageError(BriefingError):
    """The command line asks for something that cannot be done (e.g. writing into the articles folder)."""

    exit_code = 2


class IngestError(BriefingError):
    """The articles folder cannot be read."""


class RenderError(BriefingError):
    """The brief could not be written."""
