//! A cdylib that Python cannot import: it exports no PyInit_no_init.

#[no_mangle]
pub extern "C" fn not_an_init() -> i32 {
    1
}
