"""Errors that the CLI turns into one-line messages and exit status 1."""


class StanceGraphError(Exception):
    """Base of every error the tool reports to its user."""


class InputError(StanceGraphError):
    """An article could not be read: binary, empty, undecodable or malformed."""


class StoreError(StanceGraphError):
    """A store could not be opened, read or written."""


class QueryError(StanceGraphError):
    """A query was malformed or refused; the store is untouched."""


class UnknownNameError(StanceGraphError):
    """A topic or actor name that matches nothing; carries suggestions."""

    def __init__(self, kind: str, name: str, suggestions: list[str]):
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")
        self.suggestions = suggestions
