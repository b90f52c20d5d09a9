pub fn get_21_lib() -> usize {
    21
}
