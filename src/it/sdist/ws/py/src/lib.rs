use pyo3::prelude::*;

/// Adds two integers, through both path dependencies.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    (a + b + common::OFFSET) * shared::SCALE
}

#[pymodule]
fn ws_py(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
