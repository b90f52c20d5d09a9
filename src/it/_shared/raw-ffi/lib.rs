//! A Python extension module written against the CPython C API by hand: no dependencies,
//! nothing linked; the interpreter provides the symbols at import. It builds in about a second.
//!
//! The ITs' setup.groovy copies this file into their crate (`ItHelper.rawFfiCrate`), replacing
//! every `raw_ffi_demo` by the crate's lib name, which must match the module and `PyInit_` names.
use std::os::raw::{c_char, c_int, c_long, c_void};
use std::ptr;

#[repr(C)]
pub struct PyObject {
    _opaque: [u8; 0],
}

type PyCFunction = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

#[repr(C)]
struct PyMethodDef {
    ml_name: *const c_char,
    ml_meth: Option<PyCFunction>,
    ml_flags: c_int,
    ml_doc: *const c_char,
}

#[repr(C)]
struct PyModuleDefBase {
    ob_refcnt: isize,
    ob_type: *mut c_void,
    m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    m_index: isize,
    m_copy: *mut PyObject,
}

#[repr(C)]
struct PyModuleDef {
    m_base: PyModuleDefBase,
    m_name: *const c_char,
    m_doc: *const c_char,
    m_size: isize,
    m_methods: *mut PyMethodDef,
    m_slots: *mut c_void,
    m_traverse: *mut c_void,
    m_clear: *mut c_void,
    m_free: *mut c_void,
}

const METH_VARARGS: c_int = 0x0001;
const PYTHON_API_VERSION: c_int = 1013;

extern "C" {
    fn PyModule_Create2(def: *mut PyModuleDef, apiver: c_int) -> *mut PyObject;
    fn PyArg_ParseTuple(args: *mut PyObject, format: *const c_char, ...) -> c_int;
    fn PyLong_FromLong(v: c_long) -> *mut PyObject;
}

unsafe extern "C" fn add(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut a: c_long = 0;
    let mut b: c_long = 0;
    if PyArg_ParseTuple(args, b"ll\0".as_ptr().cast(), &mut a as *mut c_long, &mut b as *mut c_long) == 0 {
        return ptr::null_mut();
    }
    PyLong_FromLong(a + b)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: b"add\0".as_ptr() as *const c_char,
        ml_meth: Some(add),
        ml_flags: METH_VARARGS,
        ml_doc: b"add(a, b) -> a + b\0".as_ptr() as *const c_char,
    },
    PyMethodDef { ml_name: ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: ptr::null() },
];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDefBase { ob_refcnt: 1, ob_type: ptr::null_mut(), m_init: None, m_index: 0, m_copy: ptr::null_mut() },
    m_name: b"raw_ffi_demo\0".as_ptr() as *const c_char,
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: ptr::null_mut(),
    m_clear: ptr::null_mut(),
    m_free: ptr::null_mut(),
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_raw_ffi_demo() -> *mut PyObject {
    let module = ptr::addr_of_mut!(MODULE);
    (*module).m_methods = ptr::addr_of_mut!(METHODS) as *mut PyMethodDef;
    PyModule_Create2(module, PYTHON_API_VERSION)
}
