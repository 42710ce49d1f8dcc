"""The exceptions of saylau: every error it raises is a :class:`SaylauError`."""

from __future__ import annotations

from typing import Any, Sequence

__all__ = ["SaylauError", "InputError", "TieError"]


class SaylauError(Exception):
    """Something saylau refused or could not do; the message says what and why.

    ``kind`` names the kind of failure, as the command line's
    ``--error-format json`` does: ``"input"``, ``"rules"``, ``"limit"``,
    ``"tie"``, ``"io"``, ``"interrupted"`` or ``"internal"``.
    """

    kind: str

    def __init__(self, message: str, kind: str = "internal") -> None:
        super().__init__(message)
        self.kind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.kind))


class InputError(SaylauError, ValueError):
    """The votes, rules or scenario given cannot be counted as they are
    (``kind`` ``"input"``, ``"rules"`` or ``"limit"``).

    The message is the command line's: it names the party, field or line
    and what is wrong.
    """

    def __init__(self, message: str, kind: str = "input") -> None:
        super().__init__(message, kind)


class TieError(SaylauError):
    """The rules cannot give the last seats without choosing between exactly
    equal claims, and the tie policy is ``"error"`` (the default).

    ``parties`` are the tied parties (dict keys or index labels as given;
    positions from 0 for a list or an array; names for a scenario) and
    ``seats`` the seats they contest. Choose a policy with ``ties=`` (or
    ``"ties"`` in a scenario) to break it.
    """

    parties: list[Any]
    seats: int

    def __init__(self, message: str, parties: Sequence[Any] = (), seats: int = 0, kind: str = "tie") -> None:
        super().__init__(message, kind)
        self.parties = list(parties)
        self.seats = seats

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.parties, self.seats, self.kind))
