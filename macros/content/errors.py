"""The one error type content problems raise: it names the file and the field."""


class ContentError(ValueError):
    """A problem in a content file, worded for the person who edits it."""

    def __init__(self, file: str, message: str, field: str | None = None, line: int | None = None):
        self.file = file
        self.field = field
        self.line = line
        self.message = message
        where = file if line is None else f"{file}, line {line}"
        what = message if field is None else f"field `{field}`: {message}"
        super().__init__(f"{where}: {what}")
