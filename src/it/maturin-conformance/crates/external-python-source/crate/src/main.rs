fn main() {
    println!("Hello from external-python-source!");
}
