//! Votes from Python: a list or tuple, a dict of party to votes, a pandas
//! Series, a numpy array (or anything with the buffer protocol), or any
//! other iterable of whole numbers.
//!
//! Arrays are read with one bulk copy of their memory (no Python object per
//! element): unsigned and signed integers of any width, and floats that are
//! whole numbers (pandas gives float columns once a value was missing).

use pyo3::buffer::{Element, ElementType, PyUntypedBuffer};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::errors::Failure;

/// Votes read from Python, with the parties' labels when the input named them.
#[derive(Debug)]
pub struct Votes {
    /// The votes, in input order.
    pub votes: Vec<u64>,
    /// The labels: the dict's keys or the Series' index (`None`: positions).
    pub labels: Option<Py<PyList>>,
    /// The labels as names (their `str()`), which the request checks.
    pub names: Option<Vec<String>>,
}

const VOTES_RANGE: &str = "a whole number of votes from 0 to 18,446,744,073,709,551,615";

/// Reads `obj` as votes.
pub fn read(obj: &Bound<'_, PyAny>) -> Result<Votes, Failure> {
    let py = obj.py();
    if let Ok(list) = obj.cast::<PyList>() {
        let votes = list.iter().enumerate().map(|(i, v)| one(&v, i, None)).collect::<Result<_, _>>()?;
        return Ok(Votes { votes, labels: None, names: None });
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        let votes = tuple.iter().enumerate().map(|(i, v)| one(&v, i, None)).collect::<Result<_, _>>()?;
        return Ok(Votes { votes, labels: None, names: None });
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut votes = Vec::with_capacity(dict.len());
        let labels = PyList::empty(py);
        for (i, (k, v)) in dict.iter().enumerate() {
            votes.push(one(&v, i, Some(&k))?);
            labels.append(k)?;
        }
        let names = Some(names(&labels)?);
        return Ok(Votes { votes, labels: Some(labels.unbind()), names });
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(crate::errors::input(format!(
            "votes: expected a list, a dict of party to votes, a numpy array or a pandas Series, not {}",
            if obj.is_instance_of::<PyString>() { "a string" } else { "bytes" }
        )));
    }
    if let Some(votes) = array(obj, None)? {
        return Ok(Votes { votes, labels: None, names: None });
    }
    // A pandas Series: its values as an array, its index as the labels.
    if obj.hasattr("index")? && obj.hasattr("to_numpy")? && !obj.hasattr("columns")? {
        let labels =
            obj.getattr("index")?.call_method0("tolist")?.cast_into::<PyList>().map_err(PyErr::from)?;
        let values = obj.call_method0("to_numpy")?;
        let votes = match array(&values, Some(&labels))? {
            Some(v) => v,
            None => iterate(&values, Some(&labels))?,
        };
        let names = Some(names(&labels)?);
        return Ok(Votes { votes, labels: Some(labels.unbind()), names });
    }
    if obj.hasattr("columns")? {
        return Err(crate::errors::input(
            "votes: a DataFrame has several columns: pass one of them, such as df[\"votes\"] (a Series indexed by party)",
        ));
    }
    Ok(Votes { votes: iterate(obj, None)?, labels: None, names: None })
}

/// Any other iterable, element by element.
fn iterate(obj: &Bound<'_, PyAny>, labels: Option<&Bound<'_, PyList>>) -> Result<Vec<u64>, Failure> {
    let iter = obj.try_iter().map_err(|_| {
        crate::errors::input(format!(
            "votes: expected a list, a dict of party to votes, a numpy array or a pandas Series, not {}",
            type_name(obj)
        ))
    })?;
    let mut votes = Vec::new();
    for (i, v) in iter.enumerate() {
        let label = labels.and_then(|l| l.get_item(i).ok());
        votes.push(one(&v?, i, label.as_ref())?);
    }
    Ok(votes)
}

/// One party's votes: a Python int (or anything with `__index__`, such as a
/// numpy integer) from 0 to 2^64 - 1.
#[inline]
fn one(v: &Bound<'_, PyAny>, i: usize, label: Option<&Bound<'_, PyAny>>) -> Result<u64, Failure> {
    // `True` is an int to Python, but not a number of votes.
    if v.is_instance_of::<PyBool>() {
        return Err(bad_value(v, i, label));
    }
    match v.extract::<u64>() {
        Ok(n) => Ok(n),
        Err(_) => Err(bad_value(v, i, label)),
    }
}

/// The parties' labels (a dict's keys, a Series' index) as names: a `str`
/// label as it is, another (a number) by its `str()`.
fn names(labels: &Bound<'_, PyList>) -> Result<Vec<String>, Failure> {
    labels
        .iter()
        .map(|label| match label.cast::<PyString>() {
            Ok(s) => Ok(s.to_cow()?.into_owned()),
            Err(_) => Ok(label.str()?.to_string()),
        })
        .collect()
}

#[cold]
fn bad_value(v: &Bound<'_, PyAny>, i: usize, label: Option<&Bound<'_, PyAny>>) -> Failure {
    let shown = v.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
    let whose = match label {
        Some(l) => format!("party {:?}", l.str().map(|s| s.to_string()).unwrap_or_default()),
        None => format!("entry {} (counting from 0)", i),
    };
    crate::errors::input(format!("votes of {whose}: expected {VOTES_RANGE}, got {shown}"))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "this type".into())
}

/// A one-dimensional buffer of numbers (a numpy array, `array.array`,
/// a `memoryview`), copied in one piece; `None` if `obj` has no buffer.
fn array(obj: &Bound<'_, PyAny>, labels: Option<&Bound<'_, PyList>>) -> Result<Option<Vec<u64>>, Failure> {
    let py = obj.py();
    let Ok(buffer) = PyUntypedBuffer::get(obj) else {
        return Ok(None);
    };
    if buffer.dimensions() != 1 {
        return Err(crate::errors::input(format!(
            "votes: expected a one-dimensional array, got {} dimensions",
            buffer.dimensions()
        )));
    }
    let bad = |shown: String, i: usize| {
        let whose = match labels.and_then(|l| l.get_item(i).ok()) {
            Some(l) => format!("party {:?}", l.str().map(|s| s.to_string()).unwrap_or_default()),
            None => format!("entry {i} (counting from 0)"),
        };
        crate::errors::input(format!("votes of {whose}: expected {VOTES_RANGE}, got {shown}"))
    };
    fn copy<T: Element + Copy>(py: Python<'_>, b: PyUntypedBuffer) -> Result<Vec<T>, Failure> {
        Ok(b.into_typed::<T>()?.to_vec(py)?)
    }
    fn signed<T: Copy + ToString>(
        v: Vec<T>,
        bad: impl Fn(String, usize) -> Failure,
    ) -> Result<Vec<u64>, Failure>
    where
        u64: TryFrom<T>,
    {
        v.into_iter().enumerate().map(|(i, x)| u64::try_from(x).map_err(|_| bad(x.to_string(), i))).collect()
    }
    let votes = match ElementType::from_format(buffer.format()) {
        ElementType::UnsignedInteger { bytes: 8 } => copy::<u64>(py, buffer)?,
        ElementType::UnsignedInteger { bytes: 4 } => {
            copy::<u32>(py, buffer)?.into_iter().map(u64::from).collect()
        }
        ElementType::UnsignedInteger { bytes: 2 } => {
            copy::<u16>(py, buffer)?.into_iter().map(u64::from).collect()
        }
        ElementType::UnsignedInteger { bytes: 1 } => {
            copy::<u8>(py, buffer)?.into_iter().map(u64::from).collect()
        }
        ElementType::SignedInteger { bytes: 8 } => signed(copy::<i64>(py, buffer)?, bad)?,
        ElementType::SignedInteger { bytes: 4 } => signed(copy::<i32>(py, buffer)?, bad)?,
        ElementType::SignedInteger { bytes: 2 } => signed(copy::<i16>(py, buffer)?, bad)?,
        ElementType::SignedInteger { bytes: 1 } => signed(copy::<i8>(py, buffer)?, bad)?,
        ElementType::Float { bytes: 8 } => floats(copy::<f64>(py, buffer)?.into_iter(), bad)?,
        ElementType::Float { bytes: 4 } => floats(copy::<f32>(py, buffer)?.into_iter().map(f64::from), bad)?,
        _ => {
            let format = buffer.format().to_string_lossy().into_owned();
            return Err(crate::errors::input(format!(
                "votes: an array of {format:?} items cannot be votes: expected whole numbers (an integer array)"
            )));
        }
    };
    Ok(Some(votes))
}

/// Floats that are whole numbers of votes (as pandas gives a column that had
/// a missing value): anything else is refused, never rounded.
fn floats(
    values: impl Iterator<Item = f64>,
    negative: impl Fn(String, usize) -> Failure,
) -> Result<Vec<u64>, Failure> {
    // 2^64 as a float: the first value that does not fit.
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    values
        .enumerate()
        .map(|(i, x)| {
            if (0.0..LIMIT).contains(&x) && x.fract() == 0.0 {
                Ok(x as u64)
            } else {
                Err(negative(format!("{x}"), i))
            }
        })
        .collect()
}
