"""A small exception hierarchy: bad input is kept apart from bugs."""


class ExtractorError(Exception):
    """Base of every error this package raises on purpose."""


class DocumentLoadError(ExtractorError):
    """A file could not be read: corrupt, encrypted, unsupported, too big, timed out."""


class MissingToolError(DocumentLoadError):
    """A system tool (Tesseract, LibreOffice) needed for this file is not installed."""


class UsageError(ExtractorError):
    """The caller asked for something impossible (no such path, bad option)."""
