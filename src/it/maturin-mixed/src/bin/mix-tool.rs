fn main() { println!("mix-tool says hi"); }
