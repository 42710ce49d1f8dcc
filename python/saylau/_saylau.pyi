"""Types of the Rust half of the package (``saylau._saylau``)."""

from typing import Any, Iterable, Mapping, Sequence, SupportsIndex

from saylau._views import Explanation

__version__: str
#: The most bytes read of one input file.
MAX_INPUT_BYTES: int
#: Every method's name, in the order of the crate's table.
METHODS: list[str]

#: Votes: a list or tuple of whole numbers, a dict of party to votes, a
#: pandas Series indexed by party, a numpy array (or anything with the
#: buffer protocol), or any iterable of whole numbers.
Votes = Sequence[SupportsIndex] | Mapping[Any, SupportsIndex] | Iterable[SupportsIndex] | Any

def allocate(
    votes: Votes,
    seats: int,
    method: str = "hare",
    threshold: float | int | str | None = None,
    against_all: int = 0,
    ties: str = "error",
    seed: int | None = None,
    *,
    min_parties: int = 0,
) -> Allocation:
    """Allocates ``seats`` seats to parties by their votes, as ``saylau allocate`` does.

    Raises ``TieError`` when the last seats cannot be given without a tie
    policy, ``InputError`` for input the count refuses.
    """

class TieResolution:
    """A tie that the policy broke: who was tied, for how many seats, who won."""

    @property
    def parties(self) -> list[Any]:
        """The tied parties (dict keys, Series index labels, or positions)."""
    @property
    def seats(self) -> int:
        """How many seats they contested."""
    @property
    def winners(self) -> list[Any]:
        """The parties that took those seats."""
    @property
    def policy(self) -> str:
        """The policy that decided: ``"order"``, ``"votes"`` or ``"lot:SEED"``."""
    def to_dict(self) -> dict[str, Any]:
        """The tie as the command line's JSON gives it (names as text)."""

class Allocation:
    """The result of :func:`saylau.allocate`."""

    @property
    def seats(self) -> list[int]:
        """Seats won by each party, in input order."""
    @property
    def total_seats(self) -> int:
        """The house size."""
    @property
    def parties(self) -> list[Any]:
        """The parties' labels: dict keys, Series index, or positions 0, 1, 2, ..."""
    @property
    def votes(self) -> list[int]:
        """The votes counted, in input order."""
    @property
    def eligible(self) -> list[bool]:
        """Whether each party took part (passed the threshold)."""
    @property
    def method(self) -> str:
        """The method's name, such as ``"hare"``."""
    @property
    def threshold(self) -> str | None:
        """The threshold in percent as text, or ``None``."""
    @property
    def against_all(self) -> int:
        """Votes "against all"."""
    @property
    def tie(self) -> TieResolution | None:
        """The tie the policy broke, if any."""
    def by_party(self) -> dict[Any, int]:
        """Each party's label to its seats."""
    def explain(self) -> Explanation:
        """The audit trail (quota and remainders, or quotients and divisors)."""
    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The result as the command line's JSON."""
    def to_pandas(self) -> Any:
        """A pandas DataFrame indexed by party: ``votes``, ``eligible``, ``seats``."""
    def _svg(self, title: str | None = None) -> str: ...

def _run(request: str, scenarios: list[tuple[str, bytes, str]]) -> Any: ...
def _png(svg: str, scale: float) -> bytes: ...
def _time_rust(
    votes: Votes,
    seats: int,
    method: str = "hare",
    threshold: float | int | str | None = None,
    against_all: int = 0,
    iterations: int = 1000,
) -> float: ...
