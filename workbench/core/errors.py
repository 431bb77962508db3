"""Errors the user can act on.

Every failure that can reach a person is a ``WorkbenchError``: its message is one
readable line, and the command line and the window show exactly that line.
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """A failure with a message fit to show the user as it is."""


class ProjectFileError(WorkbenchError):
    """A project file that cannot be opened: missing, not ours, corrupt, newer, read-only."""


class NewerVersionError(ProjectFileError):
    """The file was written by a newer version of the workbench; it is left untouched."""


class ArticleError(WorkbenchError):
    """An article that cannot be imported: unreadable, not text, empty or too large."""


class NotFoundError(WorkbenchError):
    """A claim, article or evidence item named by id does not exist."""


class ValidationError(WorkbenchError):
    """A value the user gave is not acceptable (unknown label, bad URL, bad span...)."""
