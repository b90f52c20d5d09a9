//! Adds its arguments with the external library's ext_add, so that it runs only if the loader finds that library.
use std::os::raw::c_long;

extern "C" {
    fn ext_add(a: c_long, b: c_long) -> c_long;
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sum = args.iter().map(|a| a.parse::<c_long>().expect("an integer")).fold(0, |acc, x| unsafe { ext_add(acc, x) });
    println!("{} = {}", args.join(" + "), sum);
}
