use pyo3::prelude::*;

/// Greets `name` the way the IT expects.
#[pyfunction]
fn greet(name: &str) -> String {
    format!("hello, {name}, from rust")
}

/// Adds two integers.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[pymodule]
fn pyo3_demo(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
