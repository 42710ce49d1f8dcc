//! `saylau.allocate`: the library's allocate request, built from Python
//! arguments, and its result.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList};
use saylau::describe::view::AuditView;
use saylau::describe::view::body::write_audit;
use saylau::request::{AllocateRequest, Allocated, Parties};
use saylau::{Method, Threshold, TieResolution};

use crate::errors::{Failure, IntoPy, input};
use crate::input;
use crate::json;

/// From this many parties on, the count runs with the GIL released.
const DETACH_FROM: usize = 4096;

/// A whole number from 0 to `max` (an int, or anything with `__index__`);
/// `unit` ("of seats ") words the refusal.
pub fn whole(obj: &Bound<'_, PyAny>, name: &str, max: u64, unit: &str) -> Result<u64, Failure> {
    match obj.extract::<u64>() {
        Ok(n) if n <= max && !obj.is_instance_of::<PyBool>() => Ok(n),
        _ => {
            let shown = obj.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
            let max = saylau::describe::words::thousands(max);
            Err(input(format!("{name}: expected a whole number {unit}from 0 to {max}, got {shown}")))
        }
    }
}

/// A threshold given as a number or a string of a percentage.
fn threshold(obj: Option<&Bound<'_, PyAny>>) -> Result<Option<Threshold>, Failure> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(input("threshold: expected a percentage such as 5 or \"4.99\", not a bool"));
    }
    let text = obj.str()?.to_string();
    text.parse::<Threshold>().map(Some).map_err(|e| input(format!("threshold: {e}")))
}

/// The request of `saylau.allocate`'s arguments.
#[allow(clippy::too_many_arguments)]
fn request(
    votes: input::Votes,
    seats: &Bound<'_, PyAny>,
    method: &str,
    threshold: Option<&Bound<'_, PyAny>>,
    against_all: Option<&Bound<'_, PyAny>>,
    ties: &str,
    seed: Option<&Bound<'_, PyAny>>,
    min_parties: Option<&Bound<'_, PyAny>>,
) -> Result<AllocateRequest, Failure> {
    let method: Method = method.parse().map_err(|e: saylau::Error| input(e.to_string()))?;
    let seats = whole(seats, "seats", u32::MAX.into(), "of seats ")? as u32;
    let parties = match votes.names {
        Some(names) => Parties::named(names, votes.votes).map_err(|e| input(e.to_string()))?,
        None => Parties::unnamed(votes.votes),
    };
    let mut r = AllocateRequest::new(parties, seats, method);
    r.threshold = self::threshold(threshold)?;
    r.against_all = against_all.map_or(Ok(0), |a| whole(a, "against_all", u64::MAX, "of votes "))?;
    r.min_parties = min_parties.map_or(Ok(0), |m| whole(m, "min_parties", u32::MAX.into(), ""))? as usize;
    r.ties = ties.parse().map_err(|e: saylau::Error| input(format!("ties: {e}")))?;
    r.seed = seed.map(|s| whole(s, "seed", u64::MAX, "")).transpose()?;
    Ok(r)
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
    let mut votes = input::read(votes).py_err(py)?;
    let labels = votes.labels.take();
    let r = request(votes, seats, method, threshold, against_all, ties, seed, min_parties).py_err(py)?;
    let counted = if r.parties.votes().len() >= DETACH_FROM { py.detach(|| r.count()) } else { r.count() };
    match counted {
        Ok(counted) => Ok(Allocation { request: r, labels, counted }),
        Err(e) => {
            // A tie names the parties by the caller's own labels.
            let parties = match (e.tie(), &labels) {
                (Some(t), Some(l)) => {
                    Some(t.positions.iter().map(|&i| label(py, Some(l), i)).collect::<PyResult<Vec<_>>>()?)
                }
                (Some(t), None) => {
                    Some(t.positions.iter().map(|&i| label(py, None, i)).collect::<PyResult<Vec<_>>>()?)
                }
                _ => None,
            };
            Err(Failure::Refused(e, parties).into_pyerr(py))
        }
    }
}

/// Runs the count `iterations` times in Rust and gives the mean time of one
/// count in nanoseconds: the Rust side of the benchmark (`benches/python.py`).
#[pyfunction]
#[pyo3(signature = (votes, seats, method = "hare", threshold = None, against_all = 0, iterations = 1000))]
pub fn _time_rust(
    py: Python<'_>,
    votes: &Bound<'_, PyAny>,
    seats: &Bound<'_, PyAny>,
    method: &str,
    threshold: Option<&Bound<'_, PyAny>>,
    against_all: u64,
    iterations: u32,
) -> PyResult<f64> {
    let votes = input::read(votes).py_err(py)?;
    let mut r = request(votes, seats, method, threshold, None, "error", None, None).py_err(py)?;
    r.against_all = against_all;
    let iterations = iterations.max(1);
    let elapsed = py.detach(|| {
        let start = std::time::Instant::now();
        for _ in 0..iterations {
            let _ = std::hint::black_box(std::hint::black_box(&r).count());
        }
        start.elapsed()
    });
    Ok(elapsed.as_nanos() as f64 / f64::from(iterations))
}

/// The label of party `i`: the dict key or index label, or its position.
fn label(py: Python<'_>, labels: Option<&Py<PyList>>, i: usize) -> PyResult<Py<PyAny>> {
    match labels {
        Some(l) => Ok(l.bind(py).get_item(i)?.unbind()),
        None => Ok(i.into_pyobject(py)?.into_any().unbind()),
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
    request: AllocateRequest,
    labels: Option<Py<PyList>>,
    counted: Allocated,
}

impl Allocation {
    /// The parties' labels as a list.
    fn label_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match &self.labels {
            Some(l) => Ok(l.bind(py).clone()),
            None => PyList::new(py, 0..self.request.parties.votes().len()),
        }
    }

    /// The drawing of this result as a hemicycle.
    pub fn svg(&self, title: Option<&str>) -> Result<String, Failure> {
        Ok(self.request.picture(&self.counted, title)?)
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
        self.counted.allocation.seats().to_vec()
    }

    /// The house size: the seats given out.
    #[getter]
    fn total_seats(&self) -> u32 {
        self.counted.allocation.total_seats()
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
        self.request.parties.votes().to_vec()
    }

    /// Whether each party took part (passed the threshold).
    #[getter]
    fn eligible(&self) -> Vec<bool> {
        self.counted.eligible.clone()
    }

    /// The method's name, such as ``"hare"``.
    #[getter]
    fn method(&self) -> String {
        self.request.method.to_string()
    }

    /// The threshold in percent as text (``"5"``), or ``None``.
    #[getter]
    fn threshold(&self) -> Option<String> {
        self.request.threshold.map(|t| t.percent().to_string())
    }

    /// Votes "against all": in the threshold base, never given seats.
    #[getter]
    fn against_all(&self) -> u64 {
        self.request.against_all
    }

    /// The tie the policy broke (``None`` when there was none).
    #[getter]
    fn tie(&self, py: Python<'_>) -> PyResult<Option<Tie>> {
        self.counted.allocation.tie().map(|t| tie_of(py, t, self.labels.as_ref())).transpose()
    }

    /// A dict of each party's label to its seats.
    fn by_party<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (l, s) in self.label_list(py)?.iter().zip(self.counted.allocation.seats()) {
            d.set_item(l, s)?;
        }
        Ok(d)
    }

    /// The audit trail: the quota and each party's whole seats and
    /// remainder, or the quotients and the range of divisors that give this
    /// result. ``str()`` of it is the command line's ``--explain`` text.
    fn explain(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let names = self.request.parties.labels();
        let audit = self.request.audit(&self.counted).py_err(py)?;
        let view = AuditView::new(&audit, &names);
        let mut text = Vec::new();
        write_audit(&view, &self.request.method.label(), self.counted.allocation.total_seats(), &mut text)?;
        let data = json::to_python(py, &view)?;
        let class = py.import("saylau._views")?.getattr("Explanation")?;
        Ok(class.call1((data, String::from_utf8_lossy(&text).into_owned()))?.unbind())
    }

    /// The result as the command line's JSON (``saylau allocate --format
    /// json``), with the audit when ``explain`` is true.
    #[pyo3(signature = (explain = false))]
    fn to_dict(&self, py: Python<'_>, explain: bool) -> PyResult<Py<PyAny>> {
        let view = self.request.view(&self.counted, explain).py_err(py)?;
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
        self.svg(title).py_err(py)
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        let view = self.request.view(&self.counted, false).py_err(py)?;
        let mut text = Vec::new();
        view.table().write_text(&mut text)?;
        Ok(String::from_utf8_lossy(&text).into_owned())
    }

    fn __repr__(&self) -> String {
        format!("Allocation(method='{}', seats={:?})", self.request.method, self.counted.allocation.seats())
    }
}
