//! Votes from Python: a list or tuple, a dict of party to votes, a pandas
//! Series, a numpy array (or anything with the buffer protocol), or any
//! other iterable of whole numbers.
//!
//! Arrays are read with one bulk copy of their memory (no Python object per
//! element): unsigned and signed integers of any width, and floats that are
//! whole numbers (pandas gives float columns once a value was missing).

use pyo3::buffer::{Element, PyBuffer};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::errors::Failure;

/// Votes read from Python, with the parties' labels when the input named them.
#[derive(Debug)]
pub struct Votes {
    /// The votes, in input order.
    pub votes: Vec<u64>,
    /// The labels: the dict's keys or the Series' index (`None`: positions).
    pub labels: Option<Py<PyList>>,
}

const VOTES_RANGE: &str = "a whole number of votes from 0 to 18,446,744,073,709,551,615";

/// Reads `obj` as votes.
pub fn read(obj: &Bound<'_, PyAny>) -> Result<Votes, Failure> {
    let py = obj.py();
    if let Ok(list) = obj.cast::<PyList>() {
        let votes = list.iter().enumerate().map(|(i, v)| one(&v, i, None)).collect::<Result<_, _>>()?;
        return Ok(Votes { votes, labels: None });
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        let votes = tuple.iter().enumerate().map(|(i, v)| one(&v, i, None)).collect::<Result<_, _>>()?;
        return Ok(Votes { votes, labels: None });
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut votes = Vec::with_capacity(dict.len());
        let labels = PyList::empty(py);
        for (i, (k, v)) in dict.iter().enumerate() {
            votes.push(one(&v, i, Some(&k))?);
            labels.append(k)?;
        }
        return Ok(Votes { votes, labels: Some(labels.unbind()) });
    }
    if obj.is_instance_of::<PyString>() {
        return Err(Failure::Input(
            "votes: expected a list, a dict of party to votes, a numpy array or a pandas Series, not a string"
                .into(),
        ));
    }
    // A pandas Series: its values as an array, its index as the labels.
    if obj.hasattr("index")? && obj.hasattr("to_numpy")? && !obj.hasattr("columns")? {
        let labels = obj.getattr("index")?.call_method0("tolist")?.cast_into::<PyList>().map_err(PyErr::from)?;
        let values = obj.call_method0("to_numpy")?;
        let votes = match array(&values, Some(&labels))? {
            Some(v) => v,
            None => iterate(&values, Some(&labels))?,
        };
        return Ok(Votes { votes, labels: Some(labels.unbind()) });
    }
    if obj.hasattr("columns")? {
        return Err(Failure::Input(
            "votes: a DataFrame has several columns: pass one of them, such as df[\"votes\"] (a Series indexed by party)"
                .into(),
        ));
    }
    if let Some(votes) = array(obj, None)? {
        return Ok(Votes { votes, labels: None });
    }
    Ok(Votes { votes: iterate(obj, None)?, labels: None })
}

/// Any other iterable, element by element.
fn iterate(obj: &Bound<'_, PyAny>, labels: Option<&Bound<'_, PyList>>) -> Result<Vec<u64>, Failure> {
    let iter = obj.try_iter().map_err(|_| {
        Failure::Input(format!(
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
    match v.extract::<u64>() {
        Ok(n) => Ok(n),
        Err(_) => Err(bad_value(v, i, label)),
    }
}

#[cold]
fn bad_value(v: &Bound<'_, PyAny>, i: usize, label: Option<&Bound<'_, PyAny>>) -> Failure {
    let shown = v.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
    let whose = match label {
        Some(l) => format!("party {:?}", l.str().map(|s| s.to_string()).unwrap_or_default()),
        None => format!("entry {} (counting from 0)", i),
    };
    Failure::Input(format!("votes of {whose}: expected {VOTES_RANGE}, got {shown}"))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "this type".into())
}

/// A one-dimensional buffer of numbers (a numpy array, `array.array`,
/// a `memoryview`), copied in one piece; `None` if `obj` has no buffer.
fn array(obj: &Bound<'_, PyAny>, labels: Option<&Bound<'_, PyList>>) -> Result<Option<Vec<u64>>, Failure> {
    let negative = |shown: String, i: usize| {
        let whose = match labels.and_then(|l| l.get_item(i).ok()) {
            Some(l) => format!("party {:?}", l.str().map(|s| s.to_string()).unwrap_or_default()),
            None => format!("entry {i} (counting from 0)"),
        };
        Failure::Input(format!("votes of {whose}: expected {VOTES_RANGE}, got {shown}"))
    };
    let Ok(buffer) = pyo3::buffer::PyUntypedBuffer::get(obj) else {
        return Ok(None);
    };
    if buffer.dimensions() != 1 {
        return Err(Failure::Input(format!(
            "votes: expected a one-dimensional array, got {} dimensions",
            buffer.dimensions()
        )));
    }
    drop(buffer);
    if let Some(v) = typed::<u64>(obj)? {
        return Ok(Some(v));
    }
    macro_rules! widen {
        ($($t:ty),*) => {$(
            if let Some(v) = typed::<$t>(obj)? {
                return Ok(Some(v.into_iter().map(u64::from).collect()));
            }
        )*};
    }
    widen!(u32, u16, u8);
    macro_rules! signed {
        ($($t:ty),*) => {$(
            if let Some(v) = typed::<$t>(obj)? {
                return v
                    .into_iter()
                    .enumerate()
                    .map(|(i, x)| u64::try_from(x).map_err(|_| negative(x.to_string(), i)))
                    .collect::<Result<Vec<u64>, Failure>>()
                    .map(Some);
            }
        )*};
    }
    signed!(i64, i32, i16, i8);
    if let Some(v) = typed::<f64>(obj)? {
        return floats(v.into_iter(), negative).map(Some);
    }
    if let Some(v) = typed::<f32>(obj)? {
        return floats(v.into_iter().map(f64::from), negative).map(Some);
    }
    let format = pyo3::buffer::PyUntypedBuffer::get(obj)
        .map(|b| b.format().to_string_lossy().into_owned())
        .unwrap_or_default();
    Err(Failure::Input(format!(
        "votes: an array of {format:?} items cannot be votes: expected whole numbers (an integer array)"
    )))
}

/// The buffer copied as `T`s, or `None` when its items are not `T`s.
fn typed<T: Element + Copy>(obj: &Bound<'_, PyAny>) -> Result<Option<Vec<T>>, Failure> {
    let Ok(buffer) = PyBuffer::<T>::get(obj) else {
        return Ok(None);
    };
    Ok(Some(buffer.to_vec(obj.py())?))
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
            if x.is_finite() && x >= 0.0 && x < LIMIT && x.fract() == 0.0 {
                Ok(x as u64)
            } else {
                Err(negative(format!("{x}"), i))
            }
        })
        .collect()
}
