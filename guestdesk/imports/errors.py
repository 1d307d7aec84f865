"""The two ways an import says no: the whole file, or one row."""


class FileRefused(Exception):
    """The file (or its profile) cannot be read at all; nothing is imported."""


class RowError(Exception):
    """One row cannot be imported; the message is its reason in the report."""
