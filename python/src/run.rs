//! Every scenario command (`elect`, `simulate`, `metrics`, `compare`,
//! `fragility`, `diff`, `hemicycle`, `report`) as the library's request:
//! the package builds the request's JSON from the keyword arguments, this
//! reads the scenarios' text into it, runs it with the GIL released (Ctrl-C
//! stops a long run) and gives the output back.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use saylau::request::{Control, Output, Request, RequestError, read_scenario};

use crate::errors::{Failure, IntoPy};
use crate::json;

/// How often the waiting thread looks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// Runs a request (its JSON, without its scenarios), with `scenarios` as
/// `(slot, text, source)`: the slot `""` is the request's own scenario,
/// `"before"`, `"after"` and `"compare_with"` a diff's or a report's. Gives
/// the view's JSON as Python objects, a picture's bytes, or a page's text.
#[pyfunction]
pub fn _run(
    py: Python<'_>,
    request: &str,
    scenarios: Vec<(String, Bound<'_, PyBytes>, String)>,
) -> PyResult<Py<PyAny>> {
    let scenarios =
        scenarios.iter().map(|(slot, text, source)| (slot.as_str(), text.as_bytes(), source.as_str()));
    let request = build(request, scenarios).py_err(py)?;
    match run(py, &request).py_err(py)? {
        Output::Picture(p) => Ok(PyBytes::new(py, &p.bytes).into_any().unbind()),
        Output::Page(html) => Ok(html.into_pyobject(py)?.into_any().unbind()),
        out => match out.json() {
            Some(value) => json::to_python(py, &value),
            None => {
                Err(Failure::from(RequestError::new(saylau::ErrorKind::Internal, "no output")).into_pyerr(py))
            }
        },
    }
}

/// The request, with each scenario read from its text (so that a refusal
/// names the line and column of the file).
fn build<'a>(
    request: &str,
    scenarios: impl Iterator<Item = (&'a str, &'a [u8], &'a str)>,
) -> Result<Request, RequestError> {
    let mut value: serde_json::Value = serde_json::from_str(request)
        .map_err(|e| RequestError::input(format!("the request is not JSON: {e}")))?;
    for (slot, text, source) in scenarios {
        let scenario = read_scenario(source, text)?;
        let scenario = serde_json::to_value(&scenario)
            .map_err(|e| RequestError::new(saylau::ErrorKind::Internal, format!("{source}: {e}")))?;
        let not_an_object = || RequestError::input(format!("the request's {slot:?} is not a JSON object"));
        let request = value.as_object_mut().ok_or_else(not_an_object)?;
        let target = match slot {
            "" => request,
            _ => request
                .entry(slot)
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()))
                .as_object_mut()
                .ok_or_else(not_an_object)?,
        };
        target.insert("scenario".into(), scenario);
        target.insert("source".into(), source.into());
    }
    Request::from_value(value)
}

/// Runs the request in a worker thread with the GIL released, while this
/// thread checks for Ctrl-C (Python runs signal handlers only on the main
/// thread, between bytecodes): on `KeyboardInterrupt` the worker is told to
/// stop after its current block and the exception is raised.
fn run(py: Python<'_>, request: &Request) -> Result<Output, Failure> {
    let stop = AtomicBool::new(false);
    let (signal, result) = py.detach(|| {
        std::thread::scope(|s| {
            let (tx, rx) = mpsc::channel();
            let stop = &stop;
            let worker = s.spawn(move || {
                let _ = tx.send(request.run_with(Control { progress: None, stop: Some(stop) }));
            });
            let mut signal = None;
            let output = loop {
                match rx.recv_timeout(SIGNAL_POLL) {
                    Ok(output) => break Some(output),
                    Err(mpsc::RecvTimeoutError::Disconnected) => break None,
                    // After Ctrl-C, wait for the worker to stop at its next block.
                    Err(mpsc::RecvTimeoutError::Timeout) if signal.is_some() => {}
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if let Err(e) = Python::attach(|py| py.check_signals()) {
                            stop.store(true, Ordering::Relaxed);
                            signal = Some(e);
                        }
                    }
                }
            };
            let joined = worker.join().is_ok();
            (signal, output.filter(|_| joined))
        })
    });
    if let Some(e) = signal {
        return Err(Failure::Python(e));
    }
    match result {
        Some(output) => Ok(output?),
        None => Err(RequestError::new(saylau::ErrorKind::Internal, "the run stopped unexpectedly").into()),
    }
}

/// Renders SVG text as PNG at `scale`.
#[pyfunction]
pub fn _png<'py>(py: Python<'py>, svg: &str, scale: f32) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = saylau::request::svg_to_png(svg, scale).py_err(py)?;
    Ok(PyBytes::new(py, &bytes))
}
