//! `saylau.allocate`: one apportionment, as `saylau allocate` counts it, and
//! its result.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use saylau::describe::view::allocation::Counted;
use saylau::describe::view::body::write_audit;
use saylau::describe::view::{AllocationView, AuditView};
use saylau::describe::words::{counted, join_names};
use saylau::{Apportioner, Error, Method, PartyVotes, Threshold, TieBreak, TieResolution};

use crate::errors::{Failure, IntoPy};
use crate::input;
use crate::json;

/// From this many parties on, the count runs with the GIL released.
const DETACH_FROM: usize = 4096;

/// What was asked: the rules of the count.
#[derive(Debug, Clone, Copy)]
struct Rules {
    method: Method,
    seats: u32,
    threshold: Option<Threshold>,
    against_all: u64,
    min_parties: usize,
    ties: TieBreak,
}

/// What was counted: eligibility and the allocation.
#[derive(Debug)]
struct Count {
    eligible: Vec<bool>,
    allocation: saylau::Allocation,
}

/// Why the count refused, before the parties are named.
#[derive(Debug)]
enum Refusal {
    NoVotes,
    BelowThreshold(u128),
    Library(Error),
}

/// The count itself, in Rust only: eligibility, then the seats.
fn count(votes: &[u64], r: &Rules) -> Result<Count, Refusal> {
    let total: u128 = votes.iter().map(|&v| u128::from(v)).sum();
    if votes.is_empty() {
        return Err(Refusal::Library(Error::NoParties));
    }
    if total == 0 {
        return Err(Refusal::NoVotes);
    }
    let threshold = r.threshold.unwrap_or(Threshold::NONE);
    let eligible = threshold.eligible_at_least(votes, r.against_all, r.min_parties);
    if !eligible.contains(&true) {
        return Err(Refusal::BelowThreshold(total));
    }
    let apportioner = Apportioner::new(r.method).ties(r.ties);
    let allocation = if eligible.iter().all(|&e| e) {
        apportioner.apportion(votes, r.seats)
    } else {
        let taking_part: Vec<u64> =
            votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
        apportioner.apportion(&taking_part, r.seats)
    }
    .map_err(Refusal::Library)?;
    Ok(Count { eligible, allocation })
}

/// The tie policy from `ties` and `seed`, as `--ties` and `--seed` read them.
fn tie_policy(ties: &str, seed: Option<u64>) -> Result<TieBreak, Failure> {
    let policy: TieBreak = ties.parse().map_err(|e: Error| Failure::Input(e.to_string()))?;
    let seeded = ties.trim().to_ascii_lowercase().starts_with("lot:");
    match (policy, seed) {
        (TieBreak::Lot { seed: given }, Some(s)) if seeded && given != s => Err(Failure::Input(format!(
            "ties=\"lot:{given}\" and seed={s} name different seeds: give the seed once"
        ))),
        (TieBreak::Lot { seed: given }, s) => Ok(TieBreak::Lot { seed: s.unwrap_or(given) }),
        (policy, _) => Ok(policy),
    }
}

/// A whole number from 0 to `max` (an int, or anything with `__index__`);
/// `unit` ("of seats ") words the refusal.
pub fn whole(obj: &Bound<'_, PyAny>, name: &str, max: u64, unit: &str) -> Result<u64, Failure> {
    match obj.extract::<u64>() {
        Ok(n) if n <= max && !obj.is_instance_of::<pyo3::types::PyBool>() => Ok(n),
        _ => {
            let shown = obj.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
            let max = saylau::describe::words::thousands(max);
            Err(Failure::Input(format!("{name}: expected a whole number {unit}from 0 to {max}, got {shown}")))
        }
    }
}

/// A threshold given as a number or a string of a percentage.
pub fn threshold(obj: Option<&Bound<'_, PyAny>>) -> Result<Option<Threshold>, Failure> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<pyo3::types::PyBool>() {
        return Err(Failure::Input(
            "threshold: expected a percentage such as 5 or \"4.99\", not a bool".into(),
        ));
    }
    let text = obj.str()?.to_string();
    text.parse::<Threshold>().map(Some).map_err(|e| Failure::Input(format!("threshold: {e}")))
}

/// Allocates `seats` seats to parties by their votes, as ``saylau allocate`` does.
///
/// ``votes`` is a list or tuple, a dict of party to votes, a pandas Series
/// (indexed by party) or a numpy array (integers of any width, or floats
/// that are whole numbers; read in one copy of its memory). ``method`` is a
/// method's name: ``"hare"``, ``"dhondt"``, ``"sainte-lague"``, ... (see
/// ``saylau.METHODS``). ``threshold`` is a percentage of all votes for
/// parties plus ``against_all`` (the votes "against all", which take no
/// seats); ``min_parties`` lets the strongest parties below the threshold
/// take part until that many do. ``ties`` is ``"error"`` (a tie raises
/// ``TieError``), ``"order"`` (the party listed first wins), ``"votes"``
/// or ``"lot"`` (drawn with ``seed``).
///
/// Every comparison is exact integer arithmetic; large inputs are counted
/// with the GIL released.
///
/// >>> r = saylau.allocate({"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}, 8, method="dhondt")
/// >>> r.seats
/// [4, 3, 1, 0]
/// >>> r.by_party()["B"]
/// 3
/// >>> saylau.allocate([10, 10, 10], 2, ties="order").tie
/// TieResolution(parties=[0, 1, 2], seats=2, winners=[0, 1], policy='order')
#[pyfunction]
#[pyo3(
    signature = (votes, seats, method = "hare", threshold = None, against_all = None, ties = "error", seed = None, *, min_parties = None),
    text_signature = "(votes, seats, method='hare', threshold=None, against_all=0, ties='error', seed=None, *, min_parties=0)"
)]
#[allow(clippy::too_many_arguments)]
pub fn allocate(
    py: Python<'_>,
    votes: &Bound<'_, PyAny>,
    seats: &Bound<'_, PyAny>,
    method: &str,
    threshold: Option<&Bound<'_, PyAny>>,
    against_all: Option<&Bound<'_, PyAny>>,
    ties: &str,
    seed: Option<&Bound<'_, PyAny>>,
    min_parties: Option<&Bound<'_, PyAny>>,
) -> PyResult<Allocation> {
    let seed = seed.map(|s| whole(s, "seed", u64::MAX, "")).transpose().py_err(py)?;
    let rules = Rules {
        method: method.parse().map_err(|e: Error| Failure::Input(e.to_string())).py_err(py)?,
        seats: whole(seats, "seats", u32::MAX.into(), "of seats ").py_err(py)? as u32,
        threshold: self::threshold(threshold).py_err(py)?,
        against_all: against_all
            .map_or(Ok(0), |a| whole(a, "against_all", u64::MAX, "of votes "))
            .py_err(py)?,
        min_parties: min_parties.map_or(Ok(0), |m| whole(m, "min_parties", u32::MAX.into(), "")).py_err(py)?
            as usize,
        ties: tie_policy(ties, seed).py_err(py)?,
    };
    let input::Votes { votes, labels } = input::read(votes).py_err(py)?;
    let counted =
        if votes.len() >= DETACH_FROM { py.detach(|| count(&votes, &rules)) } else { count(&votes, &rules) };
    match counted {
        Ok(Count { eligible, allocation }) => Ok(Allocation { rules, votes, labels, eligible, allocation }),
        Err(refusal) => Err(refused(py, refusal, &rules, &votes, labels.as_ref()).into_pyerr(py)),
    }
}

/// Runs the count `iterations` times in Rust and gives the mean time of one
/// count in nanoseconds: the Rust side of the benchmark (`benches/python.py`).
#[pyfunction]
#[pyo3(signature = (votes, seats, method = "hare", threshold = None, against_all = 0, iterations = 1000))]
pub fn _time_rust(
    py: Python<'_>,
    votes: &Bound<'_, PyAny>,
    seats: u32,
    method: &str,
    threshold: Option<&Bound<'_, PyAny>>,
    against_all: u64,
    iterations: u32,
) -> PyResult<f64> {
    let rules = Rules {
        method: method.parse().map_err(|e: Error| Failure::Input(e.to_string())).py_err(py)?,
        seats,
        threshold: self::threshold(threshold).py_err(py)?,
        against_all,
        min_parties: 0,
        ties: TieBreak::Error,
    };
    let votes = input::read(votes).py_err(py)?.votes;
    let iterations = iterations.max(1);
    let elapsed = py.detach(|| {
        let start = std::time::Instant::now();
        for _ in 0..iterations {
            let _ = std::hint::black_box(count(std::hint::black_box(&votes), &rules));
        }
        start.elapsed()
    });
    Ok(elapsed.as_nanos() as f64 / f64::from(iterations))
}

/// The message of a refused count, with the parties named.
fn refused(
    py: Python<'_>,
    refusal: Refusal,
    r: &Rules,
    votes: &[u64],
    labels: Option<&Py<PyList>>,
) -> Failure {
    match refusal {
        Refusal::NoVotes => {
            Failure::Input("every party has zero votes, so there is nothing to apportion".into())
        }
        Refusal::BelowThreshold(total) => Failure::Input(format!(
            "every party is below the threshold of {} of {total} votes, so no party can take a seat",
            r.threshold.unwrap_or(Threshold::NONE)
        )),
        Refusal::Library(Error::Tie { parties, seats }) => {
            let names = join_names(parties.iter().map(|&i| format!("{:?}", name(py, labels, i))));
            let advice = if r.ties == TieBreak::MoreVotes {
                "they have equal votes, so ties=\"votes\" cannot decide; choose ties=\"lot\" or ties=\"order\""
            } else {
                "choose a tie policy with ties= (\"lot\", \"order\" or \"votes\")"
            };
            let message =
                format!("tie: parties {names} are tied for {}; {advice}", counted(seats.into(), "seat"));
            let _ = votes;
            match parties.iter().map(|&i| label(py, labels, i)).collect::<PyResult<Vec<_>>>() {
                Ok(parties) => Failure::Tie { message, parties, seats },
                Err(e) => Failure::Python(e),
            }
        }
        Refusal::Library(e) => Failure::Input(e.to_string()),
    }
}

/// The label of party `i`: the dict key or index label, or its position.
fn label(py: Python<'_>, labels: Option<&Py<PyList>>, i: usize) -> PyResult<Py<PyAny>> {
    match labels {
        Some(l) => Ok(l.bind(py).get_item(i)?.unbind()),
        None => Ok(i.into_pyobject(py)?.into_any().unbind()),
    }
}

/// The name of party `i` in text: `str()` of its label, or `#i+1`.
fn name(py: Python<'_>, labels: Option<&Py<PyList>>, i: usize) -> String {
    match labels.and_then(|l| l.bind(py).get_item(i).ok()) {
        Some(l) => l.str().map(|s| s.to_string()).unwrap_or_else(|_| format!("#{}", i + 1)),
        None => format!("#{}", i + 1),
    }
}

/// A tie that the policy broke: who was tied, for how many seats, who won.
#[pyclass(module = "saylau", name = "TieResolution", frozen, get_all)]
#[derive(Debug)]
pub struct Tie {
    /// The tied parties (their labels: dict keys, Series index, or positions).
    parties: Py<PyList>,
    /// How many seats they contested.
    seats: u32,
    /// The parties that took those seats.
    winners: Py<PyList>,
    /// The policy that decided: ``"order"``, ``"votes"`` or ``"lot:SEED"``.
    policy: String,
}

#[pymethods]
impl Tie {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "TieResolution(parties={}, seats={}, winners={}, policy={})",
            self.parties.bind(py).repr()?,
            self.seats,
            self.winners.bind(py).repr()?,
            pyo3::types::PyString::new(py, &self.policy).repr()?
        ))
    }

    /// The tie as the command line's JSON gives it (names as text).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let names = |l: &Py<PyList>| -> PyResult<Vec<String>> {
            l.bind(py).iter().map(|x| x.str().map(|s| s.to_string())).collect()
        };
        d.set_item("parties", names(&self.parties)?)?;
        d.set_item("seats", self.seats)?;
        d.set_item("winners", names(&self.winners)?)?;
        d.set_item("policy", &self.policy)?;
        Ok(d)
    }
}

/// The result of :func:`saylau.allocate`: the seats of each party in input
/// order, who took part, and the tie the policy broke, if any.
#[pyclass(module = "saylau", frozen)]
#[derive(Debug)]
pub struct Allocation {
    rules: Rules,
    votes: Vec<u64>,
    labels: Option<Py<PyList>>,
    eligible: Vec<bool>,
    allocation: saylau::Allocation,
}

impl Allocation {
    /// The parties' names as text, for views and pictures.
    fn names(&self, py: Python<'_>) -> Vec<String> {
        (0..self.votes.len()).map(|i| name(py, self.labels.as_ref(), i)).collect()
    }

    /// The parties with their names checked (no empty or repeated name).
    fn party_votes(&self, py: Python<'_>) -> Result<PartyVotes, Failure> {
        PartyVotes::new(self.names(py).into_iter().zip(self.votes.iter().copied()))
            .map_err(|e| Failure::Input(format!("cannot describe the result: {e}")))
    }

    /// The audit, computed again from the counted votes.
    fn audit(&self) -> Result<saylau::Audit, Failure> {
        let taking_part: Vec<u64> =
            self.votes.iter().zip(&self.eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
        Apportioner::new(self.rules.method)
            .ties(self.rules.ties)
            .explain(&taking_part, &self.allocation)
            .map_err(|e| Failure::Input(e.to_string()))
    }

    /// The command line's view of this result.
    fn view(&self, py: Python<'_>, explain: bool) -> Result<AllocationView, Failure> {
        let parties = self.party_votes(py)?;
        let audit = if explain { Some(self.audit()?) } else { None };
        Ok(AllocationView::new(Counted {
            parties: &parties,
            against_all: self.rules.against_all,
            threshold: self.rules.threshold,
            min_parties: self.rules.min_parties,
            eligible: &self.eligible,
            method: self.rules.method,
            allocation: &self.allocation,
            audit: audit.as_ref(),
        }))
    }

    /// The parties' labels as a list.
    fn label_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match &self.labels {
            Some(l) => Ok(l.bind(py).clone()),
            None => PyList::new(py, 0..self.votes.len()),
        }
    }

    /// The drawing of this result as a hemicycle.
    pub fn svg(&self, py: Python<'_>, title: Option<&str>) -> Result<String, Failure> {
        let names = self.names(py);
        let groups: Vec<saylau::svg::Group> = names
            .iter()
            .zip(self.allocation.seats())
            .filter(|&(_, &s)| s > 0)
            .map(|(n, &s)| saylau::svg::Group::new(n.clone(), s))
            .collect();
        let title = match title {
            Some(t) => t.to_string(),
            None => format!(
                "{}: {}",
                self.rules.method.label(),
                counted(self.allocation.total_seats().into(), "seat")
            ),
        };
        saylau::svg::hemicycle(&title, &groups)
            .map_err(|e| Failure::Input(format!("cannot draw the result: {e}")))
    }
}

fn tie_of(py: Python<'_>, t: &TieResolution, labels: Option<&Py<PyList>>) -> PyResult<Tie> {
    let list = |ix: &[usize]| -> PyResult<Py<PyList>> {
        let items = ix.iter().map(|&i| label(py, labels, i)).collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.unbind())
    };
    Ok(Tie {
        parties: list(&t.parties)?,
        seats: t.seats,
        winners: list(&t.winners)?,
        policy: t.policy.to_string(),
    })
}

#[pymethods]
impl Allocation {
    /// Seats won by each party, in input order.
    #[getter]
    fn seats(&self) -> Vec<u32> {
        self.allocation.seats().to_vec()
    }

    /// The house size: the seats given out.
    #[getter]
    fn total_seats(&self) -> u32 {
        self.allocation.total_seats()
    }

    /// The parties' labels: the dict's keys, the Series' index, or the
    /// positions 0, 1, 2, ... for a list or an array.
    #[getter]
    fn parties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.label_list(py)
    }

    /// The votes counted, in input order.
    #[getter]
    fn votes(&self) -> Vec<u64> {
        self.votes.clone()
    }

    /// Whether each party took part (passed the threshold).
    #[getter]
    fn eligible(&self) -> Vec<bool> {
        self.eligible.clone()
    }

    /// The method's name, such as ``"hare"``.
    #[getter]
    fn method(&self) -> String {
        self.rules.method.to_string()
    }

    /// The threshold in percent as text (``"5"``), or ``None``.
    #[getter]
    fn threshold(&self) -> Option<String> {
        self.rules.threshold.map(|t| t.percent().to_string())
    }

    /// Votes "against all": in the threshold's base, never given seats.
    #[getter]
    fn against_all(&self) -> u64 {
        self.rules.against_all
    }

    /// The tie the policy broke (``None`` when there was none).
    #[getter]
    fn tie(&self, py: Python<'_>) -> PyResult<Option<Tie>> {
        self.allocation.tie().map(|t| tie_of(py, t, self.labels.as_ref())).transpose()
    }

    /// A dict of each party's label to its seats.
    fn by_party<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (l, s) in self.label_list(py)?.iter().zip(self.allocation.seats()) {
            d.set_item(l, s)?;
        }
        Ok(d)
    }

    /// The audit trail: the quota and each party's whole seats and
    /// remainder, or the quotients and the range of divisors that give this
    /// result. ``str()`` of it is the command line's ``--explain`` text.
    fn explain(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let names = self.names(py);
        let audit = self.audit().py_err(py)?;
        let view = AuditView::new(&audit, &names);
        let mut text = Vec::new();
        write_audit(&view, &self.rules.method.label(), self.allocation.total_seats(), &mut text)
            .map_err(|e| Failure::Other(e.to_string()))
            .py_err(py)?;
        let data = json::to_python(py, &view)?;
        let class = py.import("saylau._views")?.getattr("Explanation")?;
        Ok(class.call1((data, String::from_utf8_lossy(&text).into_owned()))?.unbind())
    }

    /// The result as the command line's JSON (``saylau allocate --format
    /// json``), with the audit when ``explain`` is true.
    #[pyo3(signature = (explain = false))]
    fn to_dict(&self, py: Python<'_>, explain: bool) -> PyResult<Py<PyAny>> {
        let view = self.view(py, explain).py_err(py)?;
        json::to_python(py, &view)
    }

    /// The result as a pandas DataFrame indexed by party, with the columns
    /// ``votes``, ``eligible`` and ``seats`` (needs pandas).
    fn to_pandas(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        Ok(py.import("saylau._views")?.getattr("_allocation_frame")?.call1((slf,))?.unbind())
    }

    /// The result drawn as a hemicycle (see :func:`saylau.hemicycle`).
    #[pyo3(signature = (title = None))]
    pub fn _svg(&self, py: Python<'_>, title: Option<&str>) -> PyResult<String> {
        self.svg(py, title).py_err(py)
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        let view = self.view(py, false).py_err(py)?;
        let mut text = Vec::new();
        view.table().write_text(&mut text).map_err(|e| Failure::Other(e.to_string())).py_err(py)?;
        Ok(String::from_utf8_lossy(&text).into_owned())
    }

    fn __repr__(&self) -> String {
        format!("Allocation(method='{}', seats={:?})", self.rules.method, self.allocation.seats())
    }
}
