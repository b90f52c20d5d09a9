//! A stable-ABI extension on pyo3-ffi alone (no macros, so it builds in seconds): its abi3-py37 feature makes
//! the wheel cp37-abi3.
use pyo3_ffi::*;
use std::os::raw::c_long;
use std::ptr;

unsafe extern "C" fn double(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let x: c_long = PyLong_AsLong(arg);
    if x == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLong(2 * x)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: "double\0".as_ptr().cast(),
        ml_meth: PyMethodDefPointer { PyCFunction: double },
        ml_flags: METH_O,
        ml_doc: "double(x) -> 2 * x\0".as_ptr().cast(),
    },
    PyMethodDef::zeroed(),
];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: "ffi_abi3\0".as_ptr().cast(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_ffi_abi3() -> *mut PyObject {
    MODULE.m_methods = ptr::addr_of_mut!(METHODS).cast();
    PyModule_Create(ptr::addr_of_mut!(MODULE))
}
