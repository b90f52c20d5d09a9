/// An rlib has nothing Python can import.
pub fn answer() -> u32 {
    42
}
